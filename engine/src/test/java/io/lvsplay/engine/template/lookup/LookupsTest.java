package io.lvsplay.engine.template.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookupsTest {
    @TempDir
    Path dir;

    private final Map<String, Object> vars = new LinkedHashMap<>();

    private final LookupContext context = new LookupContext() {
        @Override
        public Optional<Object> variable(String name) {
            return Optional.ofNullable(vars.get(name));
        }

        @Override
        public Set<String> variableNames() {
            return vars.keySet();
        }

        @Override
        public List<Path> searchPath() {
            return List.of(dir);
        }

        @Override
        public String str(Object value) {
            return String.valueOf(value);
        }

        @Override
        public String render(String text, Map<String, Object> extraVars) {
            return text;
        }
    };

    private List<Object> run(String name, Object... terms) {
        return Lookups.find(name).orElseThrow().run(new ArrayList<>(Arrays.asList(terms)), Map.of(), context);
    }

    @Test
    void itemsFlattensOneLevelAndListKeepsTheTerms() {
        assertEquals(List.of("a", "b", List.of("c")), run("items", "a", List.of("b", List.of("c"))));
        assertEquals(List.of("a", List.of("b", "c")), run("list", "a", List.of("b", "c")));
    }

    @Test
    void nestedIsTheCartesianProduct() {
        assertEquals(List.of(List.of("a", "c"), List.of("a", "d"), List.of("b", "c"), List.of("b", "d")),
                run("nested", List.of("a", "b"), List.of("c", "d")));
    }

    @Test
    void togetherPadsTheShorterListsWithNone() {
        assertEquals(List.of(List.of("a", 1), Arrays.asList("b", null)),
                run("together", List.of("a", "b"), List.of(1)));
        LookupFailure empty = assertThrows(LookupFailure.class, () -> run("together"));
        assertEquals("with_together requires at least one element in each list", empty.getMessage());
    }

    @Test
    void indexedItemsPairsEachItemWithItsIndex() {
        assertEquals(List.of(List.of(0, "x"), List.of(1, "y")), run("indexed_items", "x", "y"));
        assertThrows(LookupFailure.class, () -> run("indexed_items", Map.of("a", 1)));
    }

    @Test
    void indexedItemsFlattensAListTermOneLevel() {
        // lookup('indexed_items', mylist) passes the list as the one term; Ansible flattens it
        assertEquals(List.of(List.of(0, "a"), List.of(1, List.of("b"))),
                run("indexed_items", List.of("a", List.of("b"))));
    }

    @Test
    void dictGivesKeyAndValue() {
        assertEquals(List.of(Map.of("key", "a", "value", 1)), run("dict", Map.of("a", 1)));
        assertEquals("with_dict expects a dict",
                assertThrows(LookupFailure.class, () -> run("dict", "text")).getMessage());
    }

    @Test
    void subelementsPairsParentAndChildAndTakesTheListOutOfTheParent() {
        Map<String, Object> alice = new LinkedHashMap<>(Map.of("name", "alice", "keys", List.of("k1", "k2")));
        List<Object> pairs = run("subelements", List.of(alice), "keys");
        assertEquals(List.of(List.of(Map.of("name", "alice"), "k1"), List.of(Map.of("name", "alice"), "k2")), pairs);
        assertEquals(List.of(), run("subelements", List.of(Map.of("name", "bob")), "keys", Map.of("skip_missing", true)));
        assertTrue(assertThrows(LookupFailure.class, () -> run("subelements", List.of(Map.of("name", "bob")), "keys"))
                .getMessage().startsWith("could not find 'keys' key"));
    }

    @Test
    void subelementsOfALoneValueSaysItExpectsADictionary() {
        assertEquals("subelements lookup expects a dictionary, got '9001'",
                assertThrows(LookupFailure.class, () -> run("subelements", 9001, "groups")).getMessage());
    }

    @Test
    void sequenceTakesKeyValueAndShortcutForms() {
        assertEquals(List.of("1", "2", "3"), run("sequence", "start=1 end=3"));
        assertEquals(List.of("host04", "host06", "host08"), run("sequence", "4-8/2:host%02d"));
        assertEquals(List.of("0x10", "0x11"), run("sequence", "start=0x10 count=2 format=0x%x"));
        assertEquals(List.of(), run("sequence", "count=0"));
        assertEquals("to count backwards make stride negative",
                assertThrows(LookupFailure.class, () -> run("sequence", "start=5 end=1")).getMessage());
        assertEquals("unrecognized arguments to with_sequence: ['junk']",
                assertThrows(LookupFailure.class, () -> run("sequence", "start=0 junk=3")).getMessage());
    }

    @Test
    void fileglobAndFirstFoundSearchTheFilesDirectory() throws IOException {
        Files.createDirectories(dir.resolve("files"));
        Files.writeString(dir.resolve("files/b.txt"), "b");
        Files.writeString(dir.resolve("files/a.txt"), "a\n");
        assertEquals(List.of(dir.resolve("files/a.txt").toString(), dir.resolve("files/b.txt").toString()),
                run("fileglob", "*.txt"));
        assertEquals(List.of(dir.resolve("files/b.txt").toString()), run("first_found", "missing.txt", "b.txt"));
        assertEquals(List.of(dir.resolve("files/a.txt").toString()),
                run("first_found", Map.of("files", "x.txt,a.txt", "paths", dir.resolve("files").toString())));
        assertEquals(List.of(), run("first_found", Map.of("files", List.of("nope"), "skip", true)));
        assertEquals("No file was found when using first_found.",
                assertThrows(LookupFailure.class, () -> run("first_found", "nope")).getMessage());
        assertEquals(List.of("a"), run("file", "a.txt"));
    }

    @Test
    void linesRunsTheCommandAndSplitsItsOutput() {
        assertEquals(List.of("l1", "l2"), run("lines", "printf 'l1\\nl2\\n'"));
        assertThrows(LookupFailure.class, () -> run("lines", "exit 3"));
    }

    @Test
    void varnamesSearchesTheVariableNamesWithPythonsWording() {
        vars.put("qz_1", 1);
        vars.put("other", 2);
        assertEquals(List.of("qz_1"), run("varnames", "^qz_.+"));
        assertTrue(assertThrows(LookupFailure.class, () -> run("varnames", "*")).getMessage()
                .contains("nothing to repeat"));
        assertTrue(assertThrows(LookupFailure.class, () -> run("varnames", 5)).getMessage()
                .contains("Invalid setting identifier"));
    }

    @Test
    void inventoryHostnamesUnderstandsUnionExclusionAndIntersection() {
        vars.put("groups", Map.of("all", List.of("w1", "w2", "d1"), "web", List.of("w1", "w2"), "db", List.of("d1")));
        assertEquals(List.of("w1", "w2", "d1"), run("inventory_hostnames", "web:db"));
        assertEquals(List.of("d1"), run("inventory_hostnames", "all:!web"));
        assertEquals(List.of("w2"), run("inventory_hostnames", "web:&w2"));
    }

    @Test
    void unknownAndUnsupportedLookupsAreNamed() {
        assertEquals(Optional.of("lookup plugin (nosuch) not found"), Lookups.problem("nosuch"));
        assertEquals(Optional.of("lvsplay does not support the lookup plugin 'password' yet"),
                Lookups.problem("ansible.builtin.password"));
        assertEquals(Optional.empty(), Lookups.problem("ansible.builtin.items"));
    }

    @Test
    void customTemplateDelimitersAreRewrittenAndDefaultOnesKeptLiteral() {
        Delimiters custom = Delimiters.of(Map.of("variable_start_string", "[%", "variable_end_string", "%]"));
        assertEquals("Hello {{ name }} {{ '{{' }}x}}", custom.toStandard("Hello [% name %] {{x}}"));
    }
}
