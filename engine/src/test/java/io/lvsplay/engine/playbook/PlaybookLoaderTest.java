package io.lvsplay.engine.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Valid playbooks: what the loader builds from roles, includes, blocks, handlers and task keywords. */
class PlaybookLoaderTest {

    @TempDir
    Path dir;

    private static Playbook project() {
        try {
            Path site = Path.of(PlaybookLoaderTest.class.getResource("/playbook/project/site.yml").toURI());
            return new PlaybookLoader(FakeModules.registry()).load(site);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Play loadPlay(String yaml) throws IOException {
        Path file = dir.resolve("play.yml");
        Files.writeString(file, yaml);
        Playbook playbook = new PlaybookLoader(FakeModules.registry()).load(file);
        assertEquals(1, playbook.plays().size());
        return playbook.plays().get(0);
    }

    private Task onlyTask(String taskYaml) throws IOException {
        Play play = loadPlay("- hosts: all\n  tasks:\n" + taskYaml.indent(4));
        assertEquals(1, play.tasks().size());
        return (Task) play.tasks().get(0);
    }

    @Test
    void importPlaybookExpandsIntoTheImportedPlays() {
        Playbook pb = project();
        assertEquals(List.of("web servers", "the other play"), pb.plays().stream().map(Play::title).toList());
        assertFalse(pb.plays().get(1).gatherFacts(), "gather_facts: no");
    }

    /** The tasks of the play's first role: its block carries the role's keywords and vars. */
    private static List<TaskItem> firstRoleTasks() {
        Block role = assertInstanceOf(Block.class, project().plays().get(0).tasks().get(0));
        assertEquals("web", role.role().name());
        return role.block();
    }

    @Test
    void roleDependencyTasksRunBeforeTheRolesOwnTasks() {
        List<TaskItem> tasks = firstRoleTasks();
        Block dependency = assertInstanceOf(Block.class, tasks.get(0));
        assertEquals("common", dependency.role().name());
        assertEquals("common task", ((Task) dependency.block().get(0)).title());
        Task own = assertInstanceOf(Task.class, tasks.get(1));
        assertEquals("web", own.role().name());
        assertEquals(List.of("restart web"), own.notifies());
    }

    @Test
    void roleDefaultsMergeDependencyDefaultsBelowTheRolesOwn() {
        Play play = project().plays().get(0);
        Map<String, Object> defaults = play.roleDefaults();
        assertEquals(80, defaults.get("web_port"));
        assertEquals("/opt/common", defaults.get("common_dir"));
        assertEquals("from-web-defaults", defaults.get("shared"));
        assertEquals("www-data", play.roleVars().get("web_user"));
    }

    @Test
    void roleHandlersComeBeforePlayHandlers() {
        List<String> names = project().plays().get(0).handlers().stream().map(h -> ((Task) h).title()).toList();
        assertEquals(List.of("role handler", "restart web", "reload everything"), names);
    }

    @Test
    void handlerListenTopicsAreKept() {
        Task reload = (Task) project().plays().get(0).handlers().get(2);
        assertEquals(List.of("config changed"), reload.listen());
        assertEquals(Map.of("name", "nginx", "state", "reloaded"), reload.args());
    }

    @Test
    void keyValueArgumentsBecomeAMapping() {
        Task copy = (Task) firstRoleTasks().get(1);
        assertEquals(Map.of("src", "web.conf", "dest", "/etc/web.conf"), copy.args());
    }

    @Test
    void importTasksIsInlinedAsABlockOfTheFilesTasks() {
        Block imported = assertInstanceOf(Block.class, project().plays().get(0).tasks().get(1));
        assertEquals(List.of("extra one", "extra two"), imported.block().stream().map(t -> ((Task) t).title()).toList());
    }

    @Test
    void staticIncludeTasksIsPreloaded() {
        IncludeTasks include = assertInstanceOf(IncludeTasks.class, project().plays().get(0).tasks().get(2));
        assertEquals("tasks/extra.yml", include.file());
        assertEquals(2, include.preloaded().size());
    }

    @Test
    void templatedIncludeTasksIsLoadedAtRunTime() {
        IncludeTasks include = assertInstanceOf(IncludeTasks.class, project().plays().get(0).tasks().get(3));
        assertEquals("tasks/{{ flavour }}.yml", include.file());
        assertNull(include.preloaded());
    }

    @Test
    void commandSplitsOffCreatesButKeepsTheCommandLine() throws IOException {
        Task t = onlyTask("- command: echo hi creates=/x\n");
        assertEquals(Map.of("_raw_params", "echo hi", "creates", "/x"), t.args());
    }

    @Test
    void commandKeepsKeyValueWordsThatAreNotCommandOptions() throws IOException {
        Task t = onlyTask("- command: echo greeting=hello\n");
        assertEquals(Map.of("_raw_params", "echo greeting=hello"), t.args());
    }

    @Test
    void commandKeepsCmdEqualsInTheCommandLineLikeAnsible() throws IOException {
        // Ansible splits only creates/removes/chdir/executable/warn/stdin/stdin_add_newline/strip_empty_ends
        // out of a free-form command; "cmd=" stays part of the command line.
        Task t = onlyTask("- command: echo cmd=hello\n");
        assertEquals(Map.of("_raw_params", "echo cmd=hello"), t.args());
    }

    @Test
    void argsKeywordAddsArgumentsToAFreeFormCommand() throws IOException {
        Task t = onlyTask("""
                - command: ls
                  args:
                    chdir: /tmp
                """);
        assertEquals(Map.of("_raw_params", "ls", "chdir", "/tmp"), t.args());
    }

    @Test
    void inlineArgumentsWinOverTheArgsKeyword() throws IOException {
        Task t = onlyTask("""
                - copy: dest=/a content=x
                  args:
                    dest: /b
                    mode: "0644"
                """);
        assertEquals("/a", t.args().get("dest"));
        assertEquals("0644", t.args().get("mode"));
    }

    @Test
    void withItemsIsTheItemsLookupOnItsTerms() throws IOException {
        Task t = onlyTask("""
                - debug: msg={{ item }}
                  with_items: [a, [b, c]]
                """);
        TaskParser.WithLookup loop = assertInstanceOf(TaskParser.WithLookup.class, t.loop());
        assertEquals("items", loop.lookup());
        assertEquals(List.of("a", List.of("b", "c")), loop.terms());
        assertEquals("item", t.loopVar());
    }

    @Test
    void loopControlSetsTheLoopVariableAndLabel() throws IOException {
        Task t = onlyTask("""
                - debug: msg={{ user.name }}
                  loop: "{{ users }}"
                  loop_control:
                    loop_var: user
                    label: "{{ user.name }}"
                """);
        assertEquals("{{ users }}", t.loop());
        assertEquals("user", t.loopVar());
        assertEquals("{{ user.name }}", t.loopLabel());
    }

    @Test
    void localActionRunsTheModuleDelegatedToLocalhost() throws IOException {
        Task t = onlyTask("- local_action: command echo hi\n");
        assertEquals("command", t.module());
        assertEquals("localhost", t.options().delegateTo());
        assertEquals(Map.of("_raw_params", "echo hi"), t.args());
    }

    @Test
    void actionWithModuleKeyTakesTheOtherKeysAsArguments() throws IOException {
        Task t = onlyTask("""
                - action:
                    module: copy
                    content: x
                    dest: /tmp/x
                """);
        assertEquals("copy", t.module());
        assertNull(t.options().delegateTo());
        assertEquals(Map.of("content", "x", "dest", "/tmp/x"), t.args());
    }

    @Test
    void fullyQualifiedModuleNamesResolveToTheShortName() throws IOException {
        Task t = onlyTask("- ansible.builtin.debug: msg=hi\n");
        assertEquals("debug", t.module());
        assertEquals("ansible.builtin.debug", t.title());
    }

    @Test
    void blocksKeepRescueAndAlwaysAndTheirOwnKeywords() throws IOException {
        Play play = loadPlay("""
                - hosts: all
                  tasks:
                    - name: guarded
                      when: x is defined
                      tags: [b]
                      block:
                        - command: /bin/false
                      rescue:
                        - debug: msg=rescued
                      always:
                        - debug: msg=always
                """);
        Block b = (Block) play.tasks().get(0);
        assertEquals(List.of("x is defined"), b.options().when());
        assertEquals(List.of("b"), b.tags());
        assertEquals(1, b.block().size());
        assertEquals(1, b.rescue().size());
        assertEquals(1, b.always().size());
    }

    @Test
    void untilDefaultsToThreeRetriesAndFiveSecondsDelay() throws IOException {
        Task t = onlyTask("""
                - command: /bin/true
                  register: r
                  until: r.rc == 0
                """);
        assertEquals(List.of("r.rc == 0"), t.until());
        assertEquals(3, t.retries());
        assertEquals(5, t.delay());
    }

    @Test
    void wholeNumberKeywordsTakeFloatsAndTemplatesButNotWords() throws IOException {
        Task t = onlyTask("- command: /bin/true\n  register: r\n  until: r is success\n  delay: 0.01\n"
                + "  retries: \"{{ n + 2 }}\"\n");
        assertEquals(0.01, t.delay());
        assertEquals("{{ n + 2 }}", t.retries());
        PlaybookError e = assertThrows(PlaybookError.class, () -> onlyTask("- command: /bin/true\n  retries: often\n"));
        assertTrue(e.getMessage().contains("'retries' has an invalid value (often)"), e.getMessage());
    }

    @Test
    void tagsGivenAsCommaStringAreSplit() throws IOException {
        Task t = onlyTask("- debug: msg=x\n  tags: a, b\n");
        assertEquals(List.of("a", "b"), t.tags());
    }

    @Test
    void booleanWhenIsKeptAsPythonLiteral() throws IOException {
        Task t = onlyTask("- debug: msg=x\n  when: false\n");
        assertEquals(List.of("False"), t.options().when());
    }

    @Test
    void playWithoutGatherFactsKeywordGathersFacts() throws IOException {
        assertTrue(loadPlay("- hosts: all\n  tasks: []\n").gatherFacts());
    }

    @Test
    void hostsGivenAsAListAreJoinedWithColons() throws IOException {
        assertEquals("web:db", loadPlay("- hosts: [web, db]\n").hosts());
    }

    @Test
    void playVarsFilesAreLoadedRelativeToThePlaybook() throws IOException {
        Files.writeString(dir.resolve("vars.yml"), "from_file: 1\n");
        Play play = loadPlay("- hosts: all\n  vars_files: [vars.yml]\n");
        assertEquals(Map.of("from_file", 1), play.varsFromFiles());
    }
}
