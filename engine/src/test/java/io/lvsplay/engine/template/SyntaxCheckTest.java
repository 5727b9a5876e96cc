package io.lvsplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SyntaxCheckTest {
  private final Templar templar = new Templar();

  @Test
  void aWellFormedTemplatePassesWithoutVariables() {
    assertDoesNotThrow(() -> templar.checkSyntax("{% for x in undefined_list %}{{ x.y }}\n{% endfor %}\n", "ok.j2"));
  }

  @Test
  void aForLoopWithoutEndforIsReportedWithItsLine() {
    TemplateError error = assertThrows(TemplateError.class,
        () -> templar.checkSyntax("line one\n{% for x in items %}\n{{ x }}\n", "broken.j2"));
    assertEquals("broken.j2", error.source());
    assertEquals(2, error.line(), error.getMessage());
  }

  @Test
  void anUnclosedExpressionIsReported() {
    assertThrows(TemplateError.class, () -> templar.checkSyntax("a\nb {{ x \n", "expr.j2"));
  }
}
