package io.lvsplay.engine.module;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvsplay.engine.module.ArgSpec.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The module contract: Ansible's argument_spec rules, with Ansible's messages. */
class ArgSpecTest {

    private static List<String> check(ArgSpec spec, Map<String, Object> given) {
        return spec.validate("demo", given, Set.of());
    }

    @Test
    void anArgumentAnsibleHasButLvsplayLacksIsNamedAsSuch() {
        ArgSpec spec = ArgSpec.of().arg("path", Type.PATH).notSupported("selevel");
        assertEquals(List.of("lvsplay does not support argument 'selevel' of module 'demo' yet"),
                check(spec, Map.of("path", "/x", "selevel", "s0")));
    }

    @Test
    void anArgumentNobodyKnowsIsUnsupportedListingTheKnownOnes() {
        ArgSpec spec = ArgSpec.of().arg("path", Type.PATH).aliases("dest");
        assertEquals(List.of("Unsupported parameters for (demo) module: stat. Supported parameters include: dest, path"),
                check(spec, Map.of("stat", "x")));
    }

    @Test
    void aliasesAreDeclaredOnceOnTheArgument() {
        ArgSpec spec = ArgSpec.of().required("path", Type.PATH).aliases("dest", "name");
        assertEquals("path", spec.canonical("name"));
        assertEquals(List.of("dest", "name"), spec.args().get("path").aliases());
        assertEquals(List.of(), check(spec, Map.of("dest", "/x")));
        assertEquals(List.of("missing required arguments: path"), check(spec, Map.of()));
    }

    @Test
    void choicesApplyToEveryType() {
        ArgSpec spec = ArgSpec.of().arg("mode", Type.INT).choices("1", "2")
                .arg("flags", Type.LIST).elements(Type.STR).choices("a", "b");
        assertEquals(List.of(), check(spec, Map.of("mode", 2, "flags", List.of("a"))));
        assertEquals(List.of("value of mode must be one of: 1, 2, got: 3"), check(spec, Map.of("mode", 3)));
        assertEquals(List.of("value of flags must be one or more of: a, b. Got no match for: c"),
                check(spec, Map.of("flags", "a,c")));
    }

    @Test
    void listElementsAreTypeChecked() {
        ArgSpec spec = ArgSpec.of().arg("ports", Type.LIST).elements(Type.INT);
        assertEquals(List.of("argument 'element of ports' is of type str and we were unable to convert to int:"
                + " 'http' cannot be converted to an int"), check(spec, Map.of("ports", List.of(80, "http"))));
    }

    @Test
    void nestedOptionsAreCheckedWithTheirPlace() {
        ArgSpec spec = ArgSpec.of().arg("rules", Type.LIST).elements(Type.DICT)
                .options(ArgSpec.of().required("port", Type.INT));
        assertEquals(List.of("missing required arguments: port found in rules[1]"),
                check(spec, Map.of("rules", List.of(Map.of("port", 1), Map.of()))));
    }

    @Test
    void requiredIfRequiresAllOrAny() {
        ArgSpec spec = ArgSpec.of().choice("state", "present", "present", "absent")
                .arg("src", Type.STR).arg("content", Type.STR).arg("owner", Type.STR)
                .requiredIfAny("state", "present", "src", "content")
                .requiredIf("state", "absent", "owner");
        assertEquals(List.of("state is present but any of the following are missing: src, content"),
                check(spec, Map.of("state", "present")));
        assertEquals(List.of(), check(spec, Map.of("state", "present", "content", "x")));
        assertEquals(List.of("state is absent but all of the following are missing: owner"),
                check(spec, Map.of("state", "absent")));
    }

    @Test
    void requiredTogetherRequiredByAndMutuallyExclusive() {
        ArgSpec spec = ArgSpec.of().arg("a", Type.STR).arg("b", Type.STR).arg("c", Type.STR).arg("d", Type.STR)
                .requiredTogether("a", "b").requiredBy("c", "d").mutuallyExclusive("a", "d");
        assertEquals(List.of("parameters are required together: a, b"), check(spec, Map.of("a", "1")));
        assertEquals(List.of("missing parameter(s) required by 'c': d"), check(spec, Map.of("c", "1")));
        assertEquals(List.of("parameters are mutually exclusive: a|d"),
                check(spec, Map.of("a", "1", "b", "1", "d", "1")));
    }

    @Test
    void templatedValuesCountAsPresentButAreNotCheckedByValue() {
        ArgSpec spec = ArgSpec.of().arg("n", Type.INT).arg("m", Type.INT).mutuallyExclusive("n", "m")
                .requiredOneOf("n", "m");
        assertEquals(List.of(), spec.validate("demo", Map.of("n", "{{ x }}", "m", "{{ omit }}"), Set.of("n", "m")));
    }

    @Test
    void booleansRefuseWhatAnsibleRefuses() {
        ArgSpec spec = ArgSpec.of().arg("force", Type.BOOL);
        assertEquals(List.of(), check(spec, Map.of("force", "yes")));
        assertEquals(1, check(spec, Map.of("force", "maybe")).size());
    }
}
