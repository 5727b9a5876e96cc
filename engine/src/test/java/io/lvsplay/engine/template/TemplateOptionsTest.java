package io.lvsplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template module's Jinja2 arguments. */
class TemplateOptionsTest {
  private static final Templar TEMPLAR = new Templar();
  private static final Map<String, Object> VARS = Map.of("x", "X", "items", java.util.List.of(1, 2));

  private static String render(String text, Map<String, Object> args) {
    return TEMPLAR.render(text, VARS, "t.j2", TemplateOptions.of(args));
  }

  @Test
  void customVariableAndBlockDelimitersKeepDefaultOnesLiteral() {
    Map<String, Object> args = Map.of("variable_start_string", "[[", "variable_end_string", "]]",
        "block_start_string", "[%", "block_end_string", "%]");
    assertEquals("X {{ x }} 12", render("[[ x ]] {{ x }} [% for i in items %][[ i ]][% endfor %]", args));
  }

  @Test
  void customCommentDelimitersDropComments() {
    assertEquals("a {# kept #} b", render("a [# gone #]{# kept #} b",
        Map.of("comment_start_string", "[#", "comment_end_string", "#]")));
  }

  @Test
  void trimBlocksFalseKeepsTheNewlineAfterATag() {
    String text = "{% if true %}\nyes\n{% endif %}\n";
    assertEquals("yes\n", render(text, Map.of()));
    assertEquals("\nyes\n\n", render(text, Map.of("trim_blocks", false)));
  }

  @Test
  void lstripBlocksStripsSpacesBeforeATag() {
    String text = "  {% if true %}\nyes\n  {% endif %}\n";
    assertEquals("  yes\n  ", render(text, Map.of()));
    assertEquals("yes\n", render(text, Map.of("lstrip_blocks", true)));
  }

  @Test
  void newlineSequenceReplacesLineBreaks() {
    assertEquals("a\r\nb\r\n", render("a\nb\n", Map.of("newline_sequence", "\r\n")));
  }
}
