package io.lvsplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Backslashes in task values as ansible-playbook 2.14 treats them (its _escape_backslashes), and in
 * template files as Jinja2 does. Expected values measured with ansible-playbook 2.14 on this machine:
 * {@code msg: "{{ '\\\\1' | length }} {{ '\\1' | length }} {{ 'a\\tb' }}"} printed {@code "3 2 a\\tb"}.
 */
class TaskStringBackslashesTest {
    private static final Templar TEMPLAR = new Templar();
    private static final Map<String, Object> VARS = Map.of("out", "Keepalived v2.2.7 (01/16,2022)");

    private static Object task(String value) {
        return TEMPLAR.template(value, VARS, "t.yml");
    }

    @Test
    void aTaskValueKeepsTheBackslashesOfItsStringLiterals() {
        // the Jinja2 source as it is after YAML: '\\1' is three characters, '\1' two, '\t' no tab
        assertEquals("3 2 a\\tb", task("{{ '\\\\1' | length }} {{ '\\1' | length }} {{ 'a\\tb' }}"));
    }

    @Test
    void aBackreferenceReachesTheFilterAsWritten() {
        assertEquals("Keepalived V2.2.7 (01/16,2022)", task("{{ out | regex_replace('v(\\d)', 'V\\1') }}"));
        assertEquals(java.util.List.of("2.2.7"), task("{{ out | regex_search('[kK]eepalived v(.*) ', '\\1') }}"));
    }

    @Test
    void textOutsideExpressionsAndBlocksIsNotTouched() {
        assertEquals("a\\b 2", task("a\\b {{ '\\1' | length }}"));
        // an expression between block tags is an expression all the same
        assertEquals("x\\\\y", task("{% if true %}{{ 'x\\\\y' }}{% endif %}"));
    }

    @Test
    void aTemplateFileUnescapesAsJinja2() {
        assertEquals("1", TEMPLAR.render("{{ '\\1' | length }}", VARS, "t.j2"));
    }

    @Test
    void escapeItself() {
        assertEquals("{{ '\\\\1' }} \\ {% set x = '\\1' %}{# '\\' #}",
                TaskStringBackslashes.escape("{{ '\\1' }} \\ {% set x = '\\1' %}{# '\\' #}"));
        assertEquals("{{ {'a': '\\\\n'}['a'] }}", TaskStringBackslashes.escape("{{ {'a': '\\n'}['a'] }}"));
        assertEquals("{% raw %}{{ '\\1' }}{% endraw %}", TaskStringBackslashes.escape("{% raw %}{{ '\\1' }}{% endraw %}"));
    }
}
