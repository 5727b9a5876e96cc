package io.lvsplay.modules.content;

import static io.lvsplay.modules.support.RecordedHost.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.lvsplay.engine.module.Plan;
import io.lvsplay.modules.support.RecordedHost;
import org.junit.jupiter.api.Test;

/** replace's edits; expected texts are what Ansible 2.14's replace wrote for the same input. */
class ReplaceModuleTest {
    private static final String CONF = "global_defs {\n  router_id lvs1\n}\nvrrp_instance VI_1 {\n  priority 100\n}\n";

    private static String edit(Object... a) {
        RecordedHost host = new RecordedHost().file("/k.conf", CONF);
        java.util.Map<String, Object> all = args("path", "/k.conf");
        all.putAll(args(a));
        host.apply(host.plan(new ReplaceModule(), all));
        return host.fileText("/k.conf");
    }

    @Test
    void everyMatchIsReplacedWithBackreferences() {
        assertEquals(CONF.replace("priority 100", "priority 150"), edit("regexp", "^(\\s+priority) \\d+$", "replace", "\\1 150"));
    }

    @Test
    void afterLimitsTheEditToTheRestOfTheFile() {
        RecordedHost host = new RecordedHost().file("/k.conf", "a=1\n[x]\na=1\n");
        host.apply(host.plan(new ReplaceModule(), args("path", "/k.conf", "regexp", "a=1", "replace", "a=2", "after", "\\[x\\]")));
        assertEquals("a=1\n[x]\na=2\n", host.fileText("/k.conf"));
    }

    @Test
    void noMatchIsNoChange() {
        RecordedHost host = new RecordedHost().file("/k.conf", CONF);
        Plan plan = host.plan(new ReplaceModule(), args("path", "/k.conf", "regexp", "nothing here"));
        assertFalse(plan.changesSomething());
    }
}
