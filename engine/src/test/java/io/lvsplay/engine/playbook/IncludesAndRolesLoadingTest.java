package io.lvsplay.engine.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How includes, imports, vars_files and roles load, with Ansible 2.14's rules. */
class IncludesAndRolesLoadingTest {
    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private Playbook load(String site) throws IOException {
        write("site.yml", site);
        return new PlaybookLoader(FakeModules.registry()).load(dir.resolve("site.yml"));
    }

    private Play play(String tasks) throws IOException {
        return load("- hosts: all\n  tasks:\n" + tasks.indent(4)).plays().get(0);
    }

    @Test
    void theOldIncludeTakesKeyValueParams() throws IOException {
        write("inc.yml", "- debug: msg=hi\n");
        IncludeTasks include = assertInstanceOf(IncludeTasks.class, play("- include: inc.yml a=1 b='two words'").tasks().get(0));
        assertEquals("inc.yml", include.file());
        assertEquals(Map.of("a", "1", "b", "two words"), include.params());
        assertTrue(include.isStatic(), "an include whose parents are all static is static");
    }

    @Test
    void includeTasksRefusesKeyValueParams() throws IOException {
        write("inc.yml", "- debug: msg=hi\n");
        PlaybookError e = assertThrows(PlaybookError.class, () -> play("- include_tasks: inc.yml a=1"));
        assertTrue(e.getMessage().contains("Invalid options for include_tasks: a"), e.getMessage());
    }

    @Test
    void notifyOnImportTasksIsAddedToEveryImportedTask() throws IOException {
        write("tasks.yml", "- command: 'true'\n  notify: own\n- block:\n    - command: 'false'\n");
        Block imported = assertInstanceOf(Block.class, play("- import_tasks: tasks.yml\n  notify: inherited").tasks().get(0));
        assertEquals(List.of("own", "inherited"), ((Task) imported.block().get(0)).notifies());
        Block inner = (Block) imported.block().get(1);
        assertEquals(List.of("inherited"), ((Task) inner.block().get(0)).notifies());
    }

    @Test
    void includeTasksApplyGivesKeywordsToTheIncludedTasks() throws IOException {
        write("tasks.yml", "- command: 'true'\n");
        IncludeTasks include = assertInstanceOf(IncludeTasks.class,
                play("- include_tasks:\n    file: tasks.yml\n    apply:\n      tags: [x]\n      notify: h").tasks().get(0));
        List<TaskItem> wrapped = include.apply().wrap(include.preloaded(), include.location(), null);
        Block block = (Block) wrapped.get(0);
        assertEquals(List.of("x"), block.options().tags());
        assertEquals(List.of("h"), ((Task) block.block().get(0)).notifies());
    }

    @Test
    void aBrokenFileOfADynamicIncludeIsLeftForRunTime() throws IOException {
        write("broken.yml", "not a task list\n");
        IncludeTasks include = assertInstanceOf(IncludeTasks.class, play("- include_tasks: broken.yml").tasks().get(0));
        assertNull(include.preloaded());
    }

    @Test
    void theOldIncludeInsideADynamicIncludeIsDynamicToo() throws IOException {
        write("outer.yml", "- include: broken.yml\n");
        write("broken.yml", "not a task list\n");
        IncludeTasks outer = assertInstanceOf(IncludeTasks.class, play("- include_tasks: outer.yml").tasks().get(0));
        IncludeTasks inner = assertInstanceOf(IncludeTasks.class, outer.preloaded().get(0));
        assertNull(inner.preloaded());
    }

    @Test
    void aBrokenFileOfAStaticIncludeIsRefusedShowingItsText() throws IOException {
        write("tasks.yml", "- include: broken.yml\n");
        write("broken.yml", "intentional syntax error\n");
        PlaybookError e = assertThrows(PlaybookError.class, () -> play("- import_tasks: tasks.yml"));
        assertTrue(e.getMessage().contains("intentional syntax error"), e.getMessage());
    }

    @Test
    void varsFilesTakeTheFirstFoundLookingInVarsFirst() throws IOException {
        write("vars/common.yml", "- a: 1\n- b: 2\n");
        write("common.yml", "a: beside-the-playbook\n");
        Play play = load("- hosts: all\n  vars_files:\n    - [missing.yml, common.yml]\n    - 'os-{{ x }}.yml'\n")
                .plays().get(0);
        assertEquals(Map.of("a", 1, "b", 2), play.varsFromFiles());
        assertEquals(List.of(List.of("missing.yml", "common.yml"), "os-{{ x }}.yml"), play.varsFiles());
    }

    @Test
    void aMissingStaticVarsFileIsRefused() throws IOException {
        PlaybookError e = assertThrows(PlaybookError.class, () -> load("- hosts: all\n  vars_files: [nope.yml]\n"));
        assertTrue(e.getMessage().contains("vars file nope.yml was not found"), e.getMessage());
    }

    @Test
    void aRoleNeedsNoTasks() throws IOException {
        write("roles/only_vars/vars/main.yml", "x: 1\n");
        Play play = load("- hosts: all\n  roles: [only_vars]\n").plays().get(0);
        assertEquals(Map.of("x", 1), play.roleVars());
    }

    @Test
    void aDependencyRunsOncePerPlayForTheSameParamsUnlessItAllowsDuplicates() throws IOException {
        write("roles/a/tasks/main.yml", "- debug: msg=a\n");
        write("roles/dup/meta/main.yml", "allow_duplicates: yes\n");
        write("roles/dup/tasks/main.yml", "- debug: msg=dup\n");
        write("roles/b/meta/main.yml", "dependencies: [a, a, {role: a, p: 1}, dup, dup]\n");
        Play play = load("- hosts: all\n  roles: [b]\n").plays().get(0);
        List<TaskItem> deps = ((Block) play.tasks().get(0)).block();
        List<Integer> sizes = deps.stream().map(d -> ((Block) d).block().size()).toList();
        assertEquals(List.of(1, 0, 1, 1, 1), sizes);
        assertEquals(Map.of("p", 1), ((Block) deps.get(2)).options().vars());
    }

    @Test
    void eachRoleBlockCarriesItsVarsOverItsDependenciesVars() throws IOException {
        write("roles/child/vars/main.yml", "v: child\n");
        write("roles/parent/vars/main.yml", "v: parent\nonly_parent: 1\n");
        write("roles/parent/meta/main.yml", "dependencies: [child]\n");
        write("roles/parent/tasks/main.yml", "- debug: msg=x\n");
        Block parent = (Block) load("- hosts: all\n  roles: [parent]\n").plays().get(0).tasks().get(0);
        assertEquals(Map.of("v", "parent", "only_parent", 1), parent.options().vars());
    }

    @Test
    void tasksFromMustStayInsideTheRole() throws IOException {
        write("roles/a/tasks/main.yml", "- debug: msg=a\n");
        write("roles/a/tasks/other.yml", "- debug: msg=other\n");
        write("tasks/dummy.yml", "- debug: msg=outside\n");
        Block other = (Block) play("- include_role:\n    name: a\n    tasks_from: other").tasks().get(0);
        assertEquals("other", ((Task) other.block().get(0)).args().get("msg"));
        PlaybookError e = assertThrows(PlaybookError.class,
                () -> play("- include_role:\n    name: a\n    tasks_from: '{{ playbook_dir }}/tasks/dummy.yml'"));
        assertTrue(e.getMessage().contains("as it is not inside the expected role path"), e.getMessage());
    }

    @Test
    void importPlaybookVarsReachTheImportedPlaysAndTemplatedRoleNames() throws IOException {
        write("roles/chosen/tasks/main.yml", "- debug: msg=chosen\n");
        write("child.yml", "- hosts: all\n  vars: {own: 1, role_name_var: overridden}\n  tasks:\n"
                + "    - import_role:\n        name: '{{ role_name_var }}'\n");
        Play play = load("- import_playbook: child.yml\n  vars:\n    role_name_var: chosen\n  when: flag\n").plays().get(0);
        assertEquals(Map.of("own", 1, "role_name_var", "chosen"), play.vars());
        assertEquals(List.of("flag"), play.options().when());
        assertEquals("chosen", ((Block) play.tasks().get(0)).role().name());
    }

    @Test
    void anUnknownImportPlaybookKeywordIsRefused() throws IOException {
        write("child.yml", "- hosts: all\n");
        PlaybookError e = assertThrows(PlaybookError.class, () -> load("- import_playbook: child.yml\n  become: yes\n"));
        assertTrue(e.getMessage().contains("'become' is not a valid keyword for import_playbook"), e.getMessage());
    }
}
