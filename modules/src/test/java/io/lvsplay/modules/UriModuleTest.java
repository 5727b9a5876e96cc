package io.lvsplay.modules;

import static io.lvsplay.modules.TestHost.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UriModuleTest {
    private HttpServer server;
    private String base;
    private final AtomicInteger requests = new AtomicInteger();
    private final TestHost host = new TestHost(Path.of("/nonexistent"));

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] in = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            int status = path.equals("/missing") ? 404 : 200;
            String body = path.equals("/echo") ? exchange.getRequestMethod() + " " + new String(in, StandardCharsets.UTF_8)
                    + " " + exchange.getRequestHeaders().getFirst("Content-Type") : "{\"real\": \"rs1\"}";
            byte[] out = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aGetReturnsStatusContentAndParsedJson() {
        Plan plan = host.plan(new UriModule(), args("url", base + "/", "return_content", true));
        assertEquals(200, plan.result().get("status"));
        assertEquals("{\"real\": \"rs1\"}", plan.result().get("content"));
        assertEquals(Map.of("real", "rs1"), plan.result().get("json"));
        assertFalse(plan.changesSomething());
    }

    @Test
    void anUnexpectedStatusFailsTheTask() {
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> host.plan(new UriModule(), args("url", base + "/missing")));
        assertEquals("Status code was 404 and not [200]: HTTP Error 404", e.getMessage());
        assertEquals(404, e.result().get("status"));
    }

    @Test
    void statusCodeMayListSeveralAcceptedCodes() {
        assertEquals(404, host.plan(new UriModule(), args("url", base + "/missing", "status_code", List.of(200, 404)))
                .result().get("status"));
    }

    @Test
    void aJsonBodyIsSentWithItsContentType() {
        Map<String, Object> result = host.run(new UriModule(), args("url", base + "/echo", "method", "POST",
                "body_format", "json", "body", Map.of("weight", 2), "return_content", true));
        assertEquals("POST {\"weight\": 2} application/json", result.get("content"));
    }

    @Test
    void planningAPostSendsNothingAndApplyingItSendsItOnce() {
        Plan plan = host.plan(new UriModule(), args("url", base + "/echo", "method", "POST", "body", "x"));
        assertEquals(0, requests.get());
        assertFalse(plan.changesSomething(), "uri reports changed=false, as Ansible does");
        assertEquals(List.of("send POST " + base + "/echo"), plan.effects().stream().map(c -> c.description()).toList());
        assertEquals(200, host.apply(plan).get("status"));
        assertEquals(1, requests.get());
    }

    @Test
    void aPutOrDeleteIsNotSentWhilePlanning() {
        for (String method : List.of("PUT", "DELETE")) {
            host.plan(new UriModule(), args("url", base + "/", "method", method));
        }
        assertEquals(0, requests.get());
    }

    @Test
    void aFailingStatusOfAPostFailsWhenApplied() {
        Plan plan = host.plan(new UriModule(), args("url", base + "/missing", "method", "POST"));
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> host.apply(plan));
        assertEquals("Status code was 404 and not [200]: HTTP Error 404", e.getMessage());
    }

    @Test
    void aRefusedConnectionIsStatusMinusOne() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ModuleFailure e = assertThrows(ModuleFailure.class,
                () -> host.plan(new UriModule(), args("url", "http://127.0.0.1:" + closedPort + "/", "timeout", 5)));
        assertEquals(-1, e.result().get("status"));
        assertTrue(e.getMessage().startsWith("Status code was -1 and not [200]: Request failed:"), e.getMessage());
    }

    @Test
    void aPostIsNotSentInCheckMode() {
        Plan plan = new TestHost(Path.of("/nonexistent")).checkMode(true)
                .plan(new UriModule(), args("url", base + "/missing", "method", "POST"));
        assertTrue(plan.skipInCheckMode());
        assertEquals(0, requests.get());
    }
}
