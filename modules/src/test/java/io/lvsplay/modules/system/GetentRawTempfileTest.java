package io.lvsplay.modules.system;

import static io.lvsplay.modules.support.RecordedHost.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.modules.support.RecordedHost;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** getent's facts from recorded getent output; raw and tempfile commands. */
class GetentRawTempfileTest {

    @Test
    void passwdIsSplitAtColonsIntoTheFact() {
        RecordedHost host = new RecordedHost().answer("getent passwd root", "root:x:0:0:root:/root:/bin/bash\n");
        Plan plan = host.plan(new GetentModule(), args("database", "passwd", "key", "root"));
        assertEquals(Map.of("getent_passwd", Map.of("root", List.of("x", "0", "0", "root", "/root", "/bin/bash"))),
                plan.result().get("ansible_facts"));
    }

    @Test
    void repeatedKeysBecomeAListAsInAnsible() {
        RecordedHost host = new RecordedHost().answer("getent hosts", "127.0.0.1  localhost\n127.0.0.1  lab\n");
        Plan plan = host.plan(new GetentModule(), args("database", "hosts"));
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) ((Map<String, Object>) plan.result().get("ansible_facts")).get("getent_hosts");
        assertEquals(List.of(List.of("localhost"), List.of("lab")), tree.get("127.0.0.1"));
    }

    @Test
    void aMissingKeyFailsUnlessFailKeyIsOff() {
        RecordedHost host = new RecordedHost().answer("getent", 2, "");
        assertThrows(ModuleFailure.class, () -> host.plan(new GetentModule(), args("database", "passwd", "key", "nobody2")));
        Plan plan = host.plan(new GetentModule(), args("database", "passwd", "key", "nobody2", "fail_key", false));
        assertTrue(plan.result().get("msg").toString().startsWith("One or more supplied key"));
    }

    @Test
    void rawRunsTheTextWithTheExecutableAndIsSkippedInCheckMode() {
        RecordedHost host = new RecordedHost();
        Plan plan = host.plan(new RawModule(), args("_raw_params", "echo hi", "executable", "/bin/bash"));
        assertTrue(plan.skipInCheckMode());
        assertEquals(List.of("/bin/bash -c 'echo hi'"), host.apply(plan));
    }

    @Test
    void tempfileUsesMktempWithPrefixAndSuffix() {
        RecordedHost host = new RecordedHost().answer("mktemp", "/tmp/lvs.abcdefgh.conf\n");
        Plan plan = host.plan(new TempfileModule(), args("state", "directory", "prefix", "lvs.", "suffix", ".conf", "path", "/tmp"));
        assertEquals(List.of("mktemp -d -p /tmp --suffix=.conf -- lvs.XXXXXXXX"), host.apply(plan));
        assertEquals("/tmp/lvs.abcdefgh.conf", plan.changes().get(0).action().apply(host).get("path"));
    }
}
