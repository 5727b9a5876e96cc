package io.lvsplay.engine.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which variable names an expression reads, for the checks made before a run. */
class VariableReferencesTest {

    @Test
    void findsTopLevelNamesOnly() {
        assertEquals(Set.of("web", "port"), VariableReferences.inValue("{{ web.host }}:{{ port }}"));
    }

    @Test
    void rawBlocksAndUnsafeTextReadNoVariable() {
        assertEquals(Set.of("x"), VariableReferences.inValue("echo {% raw %}{{ foo }}{% endraw %} {{ x }}"));
        assertEquals(Set.of(), VariableReferences.inValue(java.util.List.of(io.lvsplay.engine.template.UnsafeText.of("{{ foo }}"))));
    }

    @Test
    void ignoresFiltersTestsAndKeywords() {
        assertEquals(Set.of("items"), VariableReferences.inExpression("items | length > 0 and items is iterable"));
    }

    @Test
    void ignoresNamesInsideStringLiterals() {
        assertEquals(Set.of("mode"), VariableReferences.inExpression("mode == 'nat' or mode == \"dr\""));
    }

    @Test
    void namesGuardedByIsDefinedAreLeftOut() {
        assertEquals(Set.of(), VariableReferences.inExpression("vip is defined and vip != ''"));
    }

    @Test
    void namesGuardedByDefaultFilterAreLeftOut() {
        assertEquals(Set.of(), VariableReferences.inValue("{{ weight | default(1) }}"));
    }

    @Test
    void keywordArgumentNamesAreNotVariables() {
        assertEquals(Set.of("x"), VariableReferences.inValue("{{ x | to_json(indent=2) }}"));
    }

    @Test
    void collectsFromNestedListsAndMaps() {
        assertEquals(Set.of("a", "b"), VariableReferences.inValue(Map.of("k", List.of("{{ a }}", Map.of("n", "{{ b }}")))));
    }

    @Test
    void statementBlocksAreScannedToo() {
        assertEquals(Set.of("servers"), VariableReferences.inValue("{% for s in servers %}{{ s }}{% endfor %}"));
    }

    @Test
    void namesBoundByForLoopsAndSetAreNotVariables() {
        assertEquals(Set.of("pools"), VariableReferences.inValue(
                "{% for name, pool in pools.items() %}{{ name }}={{ pool }}{% endfor %}"));
        assertEquals(Set.of("a"), VariableReferences.inValue("{% set total = a + 1 %}{{ total }}"));
    }

    @Test
    void namesBoundByImportAreNotVariables() {
        assertEquals(Set.of("x"), VariableReferences.inValue(
                "{% import 'qux' as qux with context %}{{ qux.wibble }}{{ x }}"));
        assertEquals(Set.of(), VariableReferences.inValue(
                "{% from 'macros' import row, cell as c with context %}{{ row(1) }}{{ c(2) }}"));
    }
}
