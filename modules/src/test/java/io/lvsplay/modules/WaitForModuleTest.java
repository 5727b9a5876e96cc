package io.lvsplay.modules;

import static io.lvsplay.modules.TestHost.args;
import static io.lvsplay.modules.TestHost.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvsplay.engine.module.ModuleFailure;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaitForModuleTest {
    @TempDir
    Path dir;

    private final TestHost host = new TestHost(Path.of("/nonexistent"));
    private final WaitForModule waitFor = new WaitForModule();

    @Test
    void anOpenPortIsReadyAtOnce() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            assertFalse(host.plan(waitFor, args("port", s.getLocalPort(), "timeout", 5)).changesSomething());
        }
    }

    @Test
    void aClosedPortTimesOutWithAnAnsibleLikeMessage() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int closed = port;
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> host.plan(waitFor, args("port", closed, "timeout", 1)));
        assertEquals("Timeout when waiting for 127.0.0.1:" + closed, e.getMessage());
    }

    @Test
    void stoppedWaitsForAPortToClose() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertFalse(host.plan(waitFor, args("port", port, "state", "stopped", "timeout", 2)).changesSomething());
    }

    @Test
    void aFileWithTheSearchedTextIsReady() {
        write(dir.resolve("log"), "starting\nready to serve\n");
        assertFalse(host.plan(waitFor, args("path", dir.resolve("log").toString(), "search_regex", "ready",
                "timeout", 2)).changesSomething());
    }

    @Test
    void absentWaitsForAFileToGoAndCustomMsgIsUsed() {
        write(dir.resolve("lock"), "");
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> host.plan(waitFor,
                args("path", dir.resolve("lock").toString(), "state", "absent", "timeout", 1, "msg", "lock stays")));
        assertEquals("lock stays", e.getMessage());
    }

    @Test
    void aFoundPatternReturnsItsGroupsInPythonSyntax() {
        write(dir.resolve("kw"), "start\ncompleted data 123\n");
        var result = host.plan(waitFor, args("path", dir.resolve("kw").toString(),
                "search_regex", "completed (?P<foo>\\w+) ([0-9]+)", "timeout", 2)).result();
        assertEquals(java.util.List.of("data", "123"), result.get("match_groups"));
        assertEquals(java.util.Map.of("foo", "data"), result.get("match_groupdict"));
    }

    @Test
    void drainedReturnsWhenThePortHasNoConnectionsAndRefusesAPath() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            var result = host.plan(waitFor, args("port", s.getLocalPort(), "state", "drained", "timeout", 3)).result();
            assertEquals(s.getLocalPort(), result.get("port"));
        }
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> host.plan(waitFor, args("path", dir.toString(),
                "state", "drained")));
        assertEquals("state=drained should only be used for checking a port in the wait_for module", e.getMessage());
    }

    @Test
    void drainedTimesOutWhileAConnectionIsOpen() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"));
             java.net.Socket client = new java.net.Socket("127.0.0.1", s.getLocalPort());
             java.net.Socket accepted = s.accept()) {
            ModuleFailure e = assertThrows(ModuleFailure.class, () -> host.plan(waitFor,
                    args("port", s.getLocalPort(), "state", "drained", "timeout", 1)));
            assertEquals("Timeout when waiting for 127.0.0.1:" + s.getLocalPort() + " to drain", e.getMessage());
        }
    }
}
