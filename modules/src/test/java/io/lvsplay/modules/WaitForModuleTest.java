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
}
