package io.lvsplay.modules;

import static io.lvsplay.modules.TestHost.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.modules.content.GetUrlModule;
import io.lvsplay.modules.support.Digests;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * get_url against this machine as the host and a web server on 127.0.0.1: the plan streams the
 * body through its checksums, the change downloads and renames, a second plan is empty.
 */
class GetUrlModuleTest {
    private static final byte[] BODY = "real_server 10.0.0.2 80\n".getBytes(StandardCharsets.UTF_8);
    @TempDir
    Path dir;
    private HttpServer server;
    private String base;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final GetUrlModule getUrl = new GetUrlModule();

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestMethod() + " " + path + " " + (exchange.getRequestHeaders().containsKey("If-modified-since") ? "ims" : "-"));
            byte[] body = switch (path) {
                case "/rs.conf" -> BODY;
                case "/SHA256SUMS" -> (sha256(BODY) + "  rs.conf\n" + "0".repeat(64) + " *other.conf\n").getBytes(StandardCharsets.UTF_8);
                case "/named" -> BODY;
                default -> null;
            };
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                if (path.equals("/named")) {
                    exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"given.conf\"");
                }
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aNewFileIsDownloadedWithItsModeAndASecondPlanIsEmpty() throws Exception {
        TestHost host = new TestHost(dir);
        Map<String, Object> args = args("url", base + "/rs.conf", "dest", dir + "/rs.conf", "mode", "0640");
        Plan first = host.plan(getUrl, args);
        assertTrue(first.changesSomething());
        assertFalse(Files.exists(dir.resolve("rs.conf")), "planning writes nothing");
        Map<String, Object> result = host.apply(first);
        assertEquals("real_server 10.0.0.2 80\n", Files.readString(dir.resolve("rs.conf")));
        assertEquals("rw-r-----", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("rs.conf"))));
        assertEquals(Digests.sha1(BODY), result.get("checksum_src"));
        assertEquals(200, result.get("status_code"));
        assertEquals("OK (" + BODY.length + " bytes)", result.get("msg"));
        assertEquals((long) BODY.length, ((Number) result.get("size")).longValue());
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "no temp file is left");
        }
        Plan second = host.plan(getUrl, args);
        assertFalse(second.changesSomething());
        assertEquals(Digests.sha1(BODY), second.result().get("checksum_dest"));
    }

    @Test
    void aMatchingChecksumSkipsTheRequestAndOneFromAFileIsFound() throws Exception {
        Files.write(dir.resolve("rs.conf"), BODY);
        TestHost host = new TestHost(dir);
        Plan plan = host.plan(getUrl, args("url", base + "/rs.conf", "dest", dir + "/rs.conf", "checksum", "sha256:" + sha256(BODY)));
        assertFalse(plan.changesSomething());
        assertEquals("file already exists", plan.result().get("msg"));
        assertEquals(List.of(), requests);
        Plan fromFile = host.plan(getUrl, args("url", base + "/rs.conf", "dest", dir + "/rs.conf", "checksum", "sha256:" + base + "/SHA256SUMS"));
        assertFalse(fromFile.changesSomething());
        assertEquals(List.of("GET /SHA256SUMS -"), requests);
    }

    @Test
    void aWrongChecksumFailsBeforeAnythingIsWritten() {
        TestHost host = new TestHost(dir);
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> host.plan(getUrl,
                args("url", base + "/rs.conf", "dest", dir + "/rs.conf", "checksum", "sha256:" + "0".repeat(64))));
        assertTrue(e.getMessage().startsWith("The checksum for " + dir + "/rs.conf did not match 000"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("rs.conf")));
    }

    @Test
    void anExistingFileIsAskedForWithIfModifiedSinceAndReplacedWithABackup() throws Exception {
        Files.writeString(dir.resolve("rs.conf"), "old\n");
        TestHost host = new TestHost(dir);
        Map<String, Object> result = host.run(getUrl, args("url", base + "/rs.conf", "dest", dir + "/rs.conf", "backup", true));
        assertEquals("GET /rs.conf ims", requests.get(0));
        assertEquals("GET /rs.conf -", requests.get(1), "the download itself is forced");
        assertEquals(Digests.sha1("old\n".getBytes(StandardCharsets.UTF_8)), result.get("checksum_dest"));
        String backup = (String) result.get("backup_file");
        assertTrue(backup.startsWith(dir + "/rs.conf.") && backup.endsWith("~"), backup);
        assertEquals("old\n", Files.readString(Path.of(backup)));
        assertEquals("real_server 10.0.0.2 80\n", Files.readString(dir.resolve("rs.conf")));
    }

    @Test
    void aDirectoryDestTakesTheContentDispositionName() {
        TestHost host = new TestHost(dir);
        Map<String, Object> result = host.run(getUrl, args("url", base + "/named", "dest", dir.toString()));
        assertEquals(dir + "/given.conf", result.get("dest"));
        assertTrue(Files.exists(dir.resolve("given.conf")));
    }

    @Test
    void aMissingPageFailsWithItsStatus() {
        ModuleFailure e = assertThrows(ModuleFailure.class,
                () -> new TestHost(dir).plan(getUrl, args("url", base + "/none", "dest", dir + "/x")));
        assertEquals("Request failed", e.getMessage());
        assertEquals(404, e.result().get("status_code"));
        assertEquals("HTTP Error 404: Not Found", e.result().get("response"));
    }
}
