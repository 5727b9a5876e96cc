package io.lvsplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lookup() / query() / q() with the controller-side plugins env, file, pipe and vars. */
class LookupTest {
  private static final Templar TEMPLAR = new Templar();

  @TempDir
  Path playbookDir;

  private String render(String template) {
    return TEMPLAR.render(template, Map.of("playbook_dir", playbookDir.toString(), "port", 80), "t.j2");
  }

  @Test
  void envLookupReadsTheControllersEnvironment() {
    assertEquals(System.getenv("PATH"), render("{{ lookup('env', 'PATH') }}"));
    assertEquals("[]", render("[{{ lookup('env', 'LVSPLAY_SURELY_UNSET') }}]"));
    assertEquals("fallback", render("{{ lookup('env', 'LVSPLAY_SURELY_UNSET', default='fallback') }}"));
  }

  @Test
  void lookupJoinsSeveralTermsAndQueryReturnsAList() {
    String path = System.getenv("PATH");
    assertEquals(path + ",", render("{{ lookup('env', 'PATH', 'LVSPLAY_SURELY_UNSET') }}"));
    assertEquals("['" + path + "', '']", render("{{ query('env', 'PATH', 'LVSPLAY_SURELY_UNSET') }}"));
    assertEquals("1", render("{{ q('env', 'PATH') | length }}"));
    Object list = TEMPLAR.template("{{ lookup('env', 'PATH', wantlist=True) }}", Map.of(), "t");
    assertInstanceOf(List.class, list);
  }

  @Test
  void fileLookupReadsFromFilesDirWithoutTrailingWhitespace() throws IOException {
    Files.createDirectories(playbookDir.resolve("files"));
    Files.writeString(playbookDir.resolve("files/motd.txt"), "hello\nworld\n\n");
    Files.writeString(playbookDir.resolve("top.txt"), "top");
    assertEquals("hello\nworld|top", render("{{ lookup('file', 'motd.txt') }}|{{ lookup('ansible.builtin.file', 'top.txt') }}"));
    assertEquals("hello\nworld", render("{{ lookup('file', '" + playbookDir.resolve("files/motd.txt") + "') }}"));
  }

  @Test
  void fileLookupOfAMissingFileFails() {
    TemplateError error = assertThrows(TemplateError.class, () -> render("{{ lookup('file', 'nope.txt') }}"));
    assertEquals("could not locate file in lookup: nope.txt", error.detail());
    assertEquals("[] []", render("[{{ lookup('file', 'nope.txt', errors='ignore') }}] {{ query('file', 'nope.txt', errors='ignore') }}"));
  }

  @Test
  void pipeLookupRunsACommandInThePlaybookDir() {
    assertEquals("hi 80|" + realPlaybookDir(), render("{{ lookup('pipe', 'echo hi ' ~ port) }}|{{ lookup('pipe', 'pwd') }}"));
  }

  private String realPlaybookDir() {
    try {
      return playbookDir.toRealPath().toString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void pipeLookupFailsOnNonZeroExit() {
    TemplateError error = assertThrows(TemplateError.class, () -> render("{{ lookup('pipe', 'exit 3') }}"));
    assertEquals("lookup_plugin.pipe(exit 3) returned 3", error.detail());
  }

  @Test
  void varsLookupReadsAVariable() {
    assertEquals("80 d", render("{{ lookup('vars', 'port') }} {{ lookup('vars', 'nope', default='d') }}"));
  }

  @Test
  void unknownLookupPluginFails() {
    TemplateError error = assertThrows(TemplateError.class, () -> render("{{ lookup('nope', 'x') }}"));
    assertEquals("lookup plugin (nope) not found", error.detail());
  }

  @Test
  void templateLookupIncludesASiblingTemplateAndSeesTemplateVars() throws IOException {
    Files.createDirectories(playbookDir.resolve("templates/sub"));
    Files.writeString(playbookDir.resolve("templates/hello.txt"), "Hello {% include 'world.txt' %}! {{ template_path }}");
    Files.writeString(playbookDir.resolve("templates/world.txt"), "{{ 'world' }}\n\n");
    // the included file loses one trailing newline (Jinja2's keep_trailing_newline=False)
    assertEquals("Hello world\n! hello.txt", render("{{ lookup('template', 'hello.txt') }}"));
  }

  @Test
  void includeSearchesTheTemplatesDirectoryThenTheSearchPathEntryItself() throws IOException {
    Files.createDirectories(playbookDir.resolve("templates/sub"));
    Files.writeString(playbookDir.resolve("templates/sub/outer.j2"), "[{% include 'inner.j2' %}]");
    Files.writeString(playbookDir.resolve("inner.j2"), "top level");
    assertEquals("[top level]", render("{{ lookup('template', 'sub/outer.j2') }}"));
    Files.writeString(playbookDir.resolve("templates/sub/inner.j2"), "beside");
    assertEquals("[beside]", render("{{ lookup('template', 'sub/outer.j2') }}"));
  }

  @Test
  void includeOfAMissingTemplateFails() throws IOException {
    Files.createDirectories(playbookDir.resolve("templates"));
    Files.writeString(playbookDir.resolve("templates/bad.j2"), "{% include 'absent.j2' %}");
    assertThrows(TemplateError.class, () -> render("{{ lookup('template', 'bad.j2') }}"));
  }

  @Test
  void fileglobSearchesEachSearchPathEntrysFilesDirThenTheEntry() throws IOException {
    Path role = Files.createDirectories(playbookDir.resolve("roles/r"));
    Files.createDirectories(role.resolve("files/otherpath"));
    Files.createDirectories(playbookDir.resolve("files/somepath"));
    for (Path file : List.of(playbookDir.resolve("adj.txt"), playbookDir.resolve("files/sub.txt"),
        playbookDir.resolve("files/somepath/deep.txt"), role.resolve("files/in_role.txt"),
        role.resolve("files/otherpath/in_role_sub.txt"), playbookDir.resolve(".hidden.txt"))) {
      Files.writeString(file, "x");
    }
    Map<String, Object> vars = Map.of("playbook_dir", playbookDir.toString(),
        "ansible_search_path", List.of(role.toString(), playbookDir.toString()));
    java.util.function.Function<String, String> glob = t -> TEMPLAR.render("{{ q('fileglob', '" + t + "') }}", vars, "t");
    assertEquals("['" + playbookDir.resolve("adj.txt") + "']", glob.apply("adj.*"));
    assertEquals("['" + playbookDir.resolve("files/sub.txt") + "']", glob.apply("sub.*"));
    assertEquals("['" + role.resolve("files/in_role.txt") + "']", glob.apply("in_role.*"));
    assertEquals("['" + playbookDir.resolve("files/somepath/deep.txt") + "']", glob.apply("somepath/deep.*"));
    assertEquals("['" + role.resolve("files/otherpath/in_role_sub.txt") + "']", glob.apply("otherpath/in_role_sub.*"));
    assertEquals("[]", glob.apply("*hidden*"));
  }

  @Test
  void fileglobGivesTheMatchesOfEveryPattern() throws IOException {
    Files.writeString(playbookDir.resolve("a.txt"), "x");
    Files.writeString(playbookDir.resolve("b.conf"), "x");
    assertEquals("['" + playbookDir.resolve("a.txt") + "', '" + playbookDir.resolve("b.conf") + "']",
        render("{{ q('fileglob', '*.txt', '*.conf') }}"));
  }
}
