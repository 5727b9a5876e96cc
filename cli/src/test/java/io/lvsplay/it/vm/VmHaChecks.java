package io.lvsplay.it.vm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.lab.vm.VmLab;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the VM lab's HA tests (keepalived and heartbeat) observe on the hosts: who holds the VIP,
 * a command's output awaited, the real-server watch script's stamps, and a client that sends a
 * request every 100 ms through the VIP while a failover happens.
 */
final class VmHaChecks {
    private final VmLab lab;
    private final String loop;
    private final String vipDiagnostics;

    /** loop: the client's script/log path prefix; vipDiagnostics: a command whose output explains a missing VIP. */
    VmHaChecks(VmLab lab, String loop, String vipDiagnostics) {
        this.lab = lab;
        this.loop = loop;
        this.vipDiagnostics = vipDiagnostics;
    }

    boolean hasVip(String director) {
        return lab.host(director).run("ip -o -4 addr show dev eth0").contains(" " + lab.vip() + "/32");
    }

    void awaitVip(String director, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (!hasVip(director)) {
            assertTrue(System.currentTimeMillis() < end, director + " did not get the VIP:\n"
                    + lab.host(director).run(vipDiagnostics + " 2>&1 || true"));
            Thread.sleep(250);
        }
    }

    /** Runs cmd on host until its output matches; returns that output. */
    String awaitOutput(String host, String cmd, Predicate<String> test, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (true) {
            String out = lab.host(host).run(cmd);
            if (test.test(out)) {
                return out;
            }
            assertTrue(System.currentTimeMillis() < end, host + ": '" + cmd + "' never matched:\n" + out);
            Thread.sleep(250);
        }
    }

    /** The time (the host's own clock, ms) the watch script on host wrote to /tmp/rs-NAME. */
    long awaitStamp(String host, String name, long timeoutMs) throws InterruptedException {
        return Long.parseLong(awaitOutput(host, "cat /tmp/rs-" + name + " 2>/dev/null || true", s -> !s.isBlank(), timeoutMs).strip());
    }

    /** A request every 100 ms from the client (curl -m 1), one line each: "epoch-ms body-or-FAIL". */
    void startClientLoop() {
        lab.host("client").run("cat > " + loop + ".sh <<'EOF'\n"
                + "while [ ! -e " + loop + ".stop ]; do\n"
                + "  t=$(date +%s%3N)\n"
                + "  r=$(curl -s -m 1 http://" + lab.vip() + "/ 2>/dev/null | head -n 1)\n"
                + "  echo \"$t ${r:-FAIL}\"\n"
                + "  sleep 0.1\n"
                + "done\n"
                + "echo done\n"
                + "EOF\n"
                + "rm -f " + loop + ".stop " + loop + ".log; (sh " + loop + ".sh > " + loop + ".log 2>&1 </dev/null &)");
    }

    /** Stops the loop and returns [time, first line of the answer or FAIL] per request. */
    List<String[]> stopClientLoop() throws InterruptedException {
        lab.host("client").run("touch " + loop + ".stop");
        awaitOutput("client", "tail -n 1 " + loop + ".log", s -> s.startsWith("done"), 10_000);
        List<String[]> requests = new ArrayList<>();
        for (String line : lab.host("client").run("cat " + loop + ".log").split("\n")) {
            String[] f = line.split(" ", 2);
            if (f.length == 2 && f[0].matches("[0-9]+")) {
                requests.add(f);
            }
        }
        assertTrue(requests.size() > 10, "the client loop ran: " + requests.size() + " requests");
        return requests;
    }
}
