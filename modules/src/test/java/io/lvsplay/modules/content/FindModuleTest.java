package io.lvsplay.modules.content;

import static io.lvsplay.modules.support.RecordedHost.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.module.Plan;
import io.lvsplay.modules.support.RecordedHost;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** find's filters over recorded find -printf output. */
class FindModuleTest {
    private static String entry(char type, long size, String mode, String path) {
        return String.join("\0", String.valueOf(type), String.valueOf(size), "1700000000.5", "1700000000.5", "1700000000.5",
                mode, "0", "0", "root", "root", "1", "42", "2049", path) + "\0";
    }

    private static RecordedHost etc() {
        return new RecordedHost().answer("find /etc/keepalived", entry('f', 120, "644", "/etc/keepalived/keepalived.conf")
                + entry('f', 10, "600", "/etc/keepalived/.secret.conf") + entry('d', 4096, "755", "/etc/keepalived/conf.d")
                + entry('f', 3000, "644", "/etc/keepalived/notify.sh"));
    }

    @Test
    void globPatternsSelectFilesAndHiddenOnesAreLeftOut() {
        RecordedHost host = etc();
        Plan plan = host.plan(new FindModule(), args("paths", "/etc/keepalived", "patterns", "*.conf"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> files = (List<Map<String, Object>>) plan.result().get("files");
        assertEquals(List.of("/etc/keepalived/keepalived.conf"), files.stream().map(f -> f.get("path")).toList());
        assertEquals("0644", files.get(0).get("mode"));
        assertEquals(true, files.get(0).get("isreg"));
        assertEquals(4, plan.result().get("examined"));
        assertTrue(host.commands().get(0).contains("-maxdepth 1"), "no recurse: one level");
        assertFalse(plan.changesSomething());
    }

    @Test
    void sizeTypeAndRegexFilters() {
        assertEquals(1, etc().plan(new FindModule(), args("paths", "/etc/keepalived", "size", "1k")).result().get("matched"));
        assertEquals(1, etc().plan(new FindModule(), args("paths", "/etc/keepalived", "file_type", "directory")).result().get("matched"));
        assertEquals(2, etc().plan(new FindModule(), args("paths", "/etc/keepalived", "patterns", "^[kn]", "use_regex", true,
                "hidden", true)).result().get("matched"));
        assertEquals(1, etc().plan(new FindModule(), args("paths", "/etc/keepalived", "patterns", "*",
                "excludes", "*.conf")).result().get("matched"));
    }
}
