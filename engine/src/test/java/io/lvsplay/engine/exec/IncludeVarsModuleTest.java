package io.lvsplay.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.playbook.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** include_vars as Ansible's action plugin: where files are found, folder order and filters, results. */
class IncludeVarsModuleTest {
    @TempDir
    Path dir;
    private Role role;
    private final IncludeVarsModule module = new IncludeVarsModule();

    @BeforeEach
    void layout() throws IOException {
        Path r = dir.resolve("roles/app");
        write(r.resolve("vars/main.yml"), "level: main\n");
        write(r.resolve("vars/env/a.yml"), "level: a\nonly_a: 1\n");
        write(r.resolve("vars/env/b.yml"), "level: b\n");
        write(r.resolve("vars/env/deeper/c.yml"), "level: c\n");
        write(r.resolve("vars/notes/notes.txt"), "level: txt\n");
        write(r.resolve("vars/hash1.yml"), "config: {x: 1, nested: {a: 1}}\n");
        write(r.resolve("vars/hash2.yml"), "config: {y: 2, nested: {b: 2}}\n");
        write(r.resolve("vars/list.yml"), "- a\n- b\n");
        role = new Role("app", r, Map.of(), Map.of(), Map.of(), List.of(), List.of());
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private Map<String, Object> run(Map<String, Object> args, Map<String, Object> vars) {
        ExecModuleContext ctx = new ExecModuleContext(null, "h1", vars, false, false, null, role, dir,
                role.dir().resolve("tasks"), null, content -> { });
        return module.plan(new ModuleArgs(new LinkedHashMap<>(args), module.argSpec()), ctx).result();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> facts(Map<String, Object> result) {
        return (Map<String, Object>) result.get("ansible_facts");
    }

    @Test
    void aRelativeFileIsFoundInTheRolesVarsFolder() {
        Map<String, Object> result = run(Map.of("_raw_params", "env/a.yml\n"), Map.of());
        assertEquals(Map.of("level", "a", "only_a", 1), facts(result));
        assertEquals(List.of(role.dir().resolve("vars/env/a.yml").toString()), result.get("ansible_included_var_files"));
    }

    @Test
    void aFolderIsReadInPathOrderAndLaterFilesWin() {
        Map<String, Object> result = run(Map.of("dir", "env"), Map.of());
        assertEquals("c", facts(result).get("level"));
        assertEquals(3, ((List<?>) result.get("ansible_included_var_files")).size());
    }

    @Test
    void depthCountsTheFoldersVisited() {
        assertEquals("b", facts(run(Map.of("dir", "env", "depth", 1), Map.of())).get("level"));
    }

    @Test
    void filesMatchingAndIgnoreFilesFilterByName() {
        assertEquals("a", facts(run(Map.of("dir", "env", "files_matching", "^a"), Map.of())).get("level"));
        assertEquals("b", facts(run(Map.of("dir", "env", "depth", 1, "ignore_files", List.of("a.yml")), Map.of()))
                .get("level"));
    }

    @Test
    void anUnknownExtensionInAFolderFailsUnlessIgnored() {
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> run(Map.of("dir", "notes"), Map.of()));
        assertTrue(String.valueOf(e.result().get("message")).contains("does not have a valid extension"), e.getMessage());
        assertEquals(Map.of(), facts(run(Map.of("dir", "notes", "ignore_unknown_extensions", true), Map.of())));
        assertEquals(Map.of("level", "txt"), facts(run(Map.of("dir", "notes", "extensions", List.of("txt")), Map.of())));
    }

    @Test
    void nameGathersTheVariablesUnderOneVariable() {
        assertEquals(Map.of("tree", Map.of("level", "a", "only_a", 1)),
                facts(run(Map.of("file", "env/a.yml", "name", "tree"), Map.of())));
    }

    @Test
    void hashBehaviourMergeMergesWithTheCurrentValue() {
        Map<String, Object> current = Map.of("config", Map.of("x", 1, "nested", Map.of("a", 1)));
        Map<String, Object> merged = facts(run(Map.of("file", "hash2.yml", "hash_behaviour", "merge"), current));
        assertEquals(Map.of("config", Map.of("x", 1, "y", 2, "nested", Map.of("a", 1, "b", 2))), merged);
        assertEquals(Map.of("config", Map.of("y", 2, "nested", Map.of("b", 2))),
                facts(run(Map.of("file", "hash2.yml"), current)));
    }

    @Test
    void aMissingFileFailsWithAnsiblesMessages() {
        ModuleFailure missing = assertThrows(ModuleFailure.class, () -> run(Map.of("file", "nope.yml"), Map.of()));
        assertTrue(missing.getMessage().startsWith("Could not find or access 'nope.yml'"), missing.getMessage());
        ModuleFailure empty = assertThrows(ModuleFailure.class, () -> run(Map.of("file", ""), Map.of()));
        assertTrue(empty.getMessage().contains("Could not find file"), empty.getMessage());
    }

    @Test
    void aFileThatIsNotAMappingFails() {
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> run(Map.of("file", "list.yml"), Map.of()));
        assertTrue(e.getMessage().endsWith("must be stored as a dictionary/hash"), e.getMessage());
    }

    @Test
    void fileAndFolderArgumentsDoNotMix() {
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> run(Map.of("file", "a.yml", "depth", 1), Map.of()));
        assertTrue(e.getMessage().contains("mixing file only and dir only arguments"), e.getMessage());
    }

    @Test
    void keyValueWordsOfTheFreeFormAreArguments() {
        assertEquals(Map.of("t", Map.of("level", "b")), facts(run(Map.of("_raw_params", "file=env/b.yml name=t"),
                Map.of())));
    }
}
