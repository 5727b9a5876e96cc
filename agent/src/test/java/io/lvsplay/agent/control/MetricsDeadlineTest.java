package io.lvsplay.agent.control;

import io.lvsplay.agent.Agent;
import io.lvsplay.agent.Loopback;
import io.lvsplay.agent.stats.MetricsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsDeadlineTest {
    @TempDir
    Path dir;

    @Test
    void aStalledScraperDoesNotBlockTheNextScrape() throws Exception {
        int port = Loopback.freePort();
        int metrics = Loopback.freePort();
        String rules = "-A -t 127.0.0.22:" + port + " -s rr\n-a -t 127.0.0.22:" + port + " -r 127.0.0.1:9 -m\n";
        try (Agent agent = Loopback.agent(dir, rules, "metrics: 127.0.0.1:" + metrics + "\n");
             Socket stalled = new Socket()) {
            stalled.connect(new InetSocketAddress("127.0.0.1", metrics));
            stalled.getOutputStream().write("GET /metr".getBytes());
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metrics + "/metrics"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("lvsplay_agent_service_connections_total{service=\"tcp 127.0.0.22:" + port + "\"} 0"), r.body());
            assertTrue(ms < MetricsServer.DEADLINE_MILLIS / 2, "scrape took " + ms + " ms behind a stalled client");
            stalled.setSoTimeout((int) MetricsServer.DEADLINE_MILLIS + 2000);
            assertEquals(-1, stalled.getInputStream().read(), "the stalled scraper is closed at its deadline");
        }
    }
}
