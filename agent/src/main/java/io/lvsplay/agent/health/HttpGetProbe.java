package io.lvsplay.agent.health;

import io.lvsplay.agent.config.HealthCheckSpec;
import io.lvsplay.agent.rules.Endpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP_GET: GET the path with the virtualhost as Host header; up when the status matches and, if a {@code receive}
 * pattern is set (ldirectord), the body contains a match.
 */
final class HttpGetProbe implements Probe {
    private static final int MAX_RESPONSE = 64 * 1024;

    private final HealthCheckSpec spec;

    HttpGetProbe(HealthCheckSpec spec) {
        this.spec = spec;
    }

    @Override
    public ProbeResult probe(Endpoint target) {
        int timeout = (int) Math.max(1, spec.connectTimeout().toMillis());
        String host = spec.virtualHost().isEmpty() ? target.toString() : spec.virtualHost();
        try (Socket s = new Socket()) {
            s.connect(target.socketAddress(), timeout);
            s.setSoTimeout(timeout);
            String request = "GET " + spec.path() + " HTTP/1.0\r\nHost: " + host
                    + "\r\nUser-Agent: lvsplay-agent\r\nConnection: close\r\n\r\n";
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String response = readAll(s.getInputStream());
            int lineEnd = response.indexOf("\r\n");
            String statusLine = lineEnd < 0 ? response : response.substring(0, lineEnd);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
                return ProbeResult.fail("GET " + spec.path() + " on " + target + ": not an HTTP response: '" + statusLine + "'");
            }
            int status = Integer.parseInt(parts[1]);
            if (status != spec.status()) {
                return ProbeResult.fail("GET " + spec.path() + " on " + target + " returned " + status + ", expected " + spec.status());
            }
            int bodyStart = response.indexOf("\r\n\r\n");
            String body = bodyStart < 0 ? "" : response.substring(bodyStart + 4);
            if (spec.receive().isPresent() && !spec.receive().get().matcher(body).find()) {
                return ProbeResult.fail("GET " + spec.path() + " on " + target + ": body does not match '" + spec.receive().get().pattern() + "'");
            }
            return ProbeResult.pass("GET " + spec.path() + " returned " + status);
        } catch (IOException e) {
            return ProbeResult.fail("GET " + spec.path() + " on " + target + " failed: " + e.getMessage());
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while (out.size() < MAX_RESPONSE && (n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
