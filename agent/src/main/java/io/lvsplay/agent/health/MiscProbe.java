package io.lvsplay.agent.health;

import io.lvsplay.agent.rules.Endpoint;
import io.lvsplay.agent.rules.ServiceKey;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * MISC_CHECK: runs {@code misc_path} with /bin/sh; exit 0 means up, anything else or exceeding misc_timeout means
 * down. The script learns what it checks from LVSPLAY_RIP, LVSPLAY_RPORT, LVSPLAY_VIP and LVSPLAY_VPORT.
 */
final class MiscProbe implements Probe {
    private final String command;
    private final Duration timeout;
    private final ServiceKey service;

    MiscProbe(String command, Duration timeout, ServiceKey service) {
        this.command = command;
        this.timeout = timeout;
        this.service = service;
    }

    @Override
    public ProbeResult probe(Endpoint target) {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("LVSPLAY_RIP", target.address().getHostAddress());
        pb.environment().put("LVSPLAY_RPORT", Integer.toString(target.port()));
        pb.environment().put("LVSPLAY_VIP", service.vip().address().getHostAddress());
        pb.environment().put("LVSPLAY_VPORT", Integer.toString(service.vip().port()));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return ProbeResult.fail("cannot run '" + command + "': " + e.getMessage());
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return ProbeResult.fail("'" + command + "' did not finish within " + timeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return ProbeResult.fail("interrupted");
        }
        int code = p.exitValue();
        return code == 0 ? ProbeResult.pass("'" + command + "' exited 0")
                : ProbeResult.fail("'" + command + "' exited " + code);
    }
}
