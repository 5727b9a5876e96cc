package io.lvsplay.modules.system;

import static io.lvsplay.modules.support.RecordedHost.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.module.Plan;
import io.lvsplay.modules.support.RecordedHost;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** debconf against recorded debconf-show output (tzdata and a password question). */
class DebconfModuleTest {
    private static final String SHOWN = "* tzdata/Areas: Europe\n  tzdata/Zones/Europe: Berlin\n"
            + "  iptables-persistent/autosave_v4: true\n* mysql-server/root_password: (password omitted)\n";
    private final DebconfModule debconf = new DebconfModule();

    private RecordedHost host() {
        return new RecordedHost().answer("debconf-show", SHOWN);
    }

    @Test
    void anEqualAnswerIsNoChangeAndBooleansIgnoreCase() {
        assertFalse(host().plan(debconf, args("name", "tzdata", "question", "tzdata/Areas", "vtype", "select", "value", "Europe"))
                .changesSomething());
        assertFalse(host().plan(debconf, args("name", "iptables-persistent", "question", "iptables-persistent/autosave_v4",
                "vtype", "boolean", "value", "True")).changesSomething());
    }

    @Test
    void aDifferentAnswerIsSetWithTheLineOnStdin() {
        RecordedHost host = host();
        Plan plan = host.plan(debconf, args("name", "tzdata", "question", "tzdata/Zones/Europe", "vtype", "select",
                "value", "Paris", "unseen", true));
        assertEquals(Map.of("tzdata/Zones/Europe", "Berlin"), plan.result().get("previous"));
        assertEquals(Map.of("tzdata/Zones/Europe", "Paris"), plan.result().get("current"));
        assertEquals(List.of("debconf-set-selections -u (39 bytes on stdin)"), plan.changes().get(0).shown());
        assertEquals("tzdata/Zones/Europe: Paris\n", plan.changes().get(0).diff().after());
    }

    @Test
    void aPasswordIsAlwaysSetAndItsDiffIsSecret() {
        Plan plan = host().plan(debconf, args("name", "mysql-server", "question", "mysql-server/root_password",
                "vtype", "password", "value", "s3cret"));
        assertTrue(plan.changesSomething());
        assertTrue(plan.changes().get(0).diff().secret());
    }

    @Test
    void withoutAQuestionTheAnswersAreReported() {
        Plan plan = host().plan(debconf, args("name", "tzdata"));
        assertFalse(plan.changesSomething());
        assertEquals("Europe", ((Map<?, ?>) plan.result().get("current")).get("tzdata/Areas"));
    }
}
