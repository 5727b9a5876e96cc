package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jinja2 forms jinjava reads differently, end to end: they render as Ansible renders them. */
class Jinja2FidelityTest extends SemanticsTestBase {

    @Test
    void forElseInlineIfDigitAttributesSlicesAndPercentFormatting() {
        inventory(ONE_HOST);
        LvsplayRun.Result r = run("jinja2-fidelity.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("a  |03 first=a\nc  |02 first=a\nnothing left\n1h ---\n", read("h1.conf"));
        assertTrue(debugMessages(r).containsAll(List.of("sum 11", "sum 12")), r.stdout());
    }
}
