package io.lvsplay.lab;

import io.lvsplay.engine.transport.ExecResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A small wrapper around the {@code docker} command line.
 *
 * <p>Why the CLI and not Testcontainers: the lab image is built locally (no registry is reachable from
 * the machines this runs on) and Testcontainers' Ryuk reaper image cannot be pulled. The CLI needs
 * nothing but a running daemon, and the lab cleans up after itself by label.
 *
 * <p>Failed commands raise {@link LabException} naming the docker command line and its stderr.
 */
public final class Docker {

    private final String executable;
    private final Duration timeout;

    public Docker() {
        this("docker", Duration.ofMinutes(3));
    }

    public Docker(String executable, Duration timeout) {
        this.executable = executable;
        this.timeout = timeout;
    }

    /** Runs {@code docker args...}, feeding {@code stdin} if not null; returns whatever happened. */
    public ExecResult run(List<String> args, byte[] stdin) {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new LabException("cannot run '" + executable + "' (" + e.getMessage()
                    + "): install docker.io and start dockerd, e.g. with lab/setup-host.sh", e);
        }
        CompletableFuture<byte[]> out = drain(process.getInputStream());
        CompletableFuture<byte[]> err = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        } catch (IOException e) {
            // The command exited without reading its input; its exit code and stderr tell why.
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new LabException("'" + render(command) + "' did not finish within " + timeout.toSeconds()
                        + " s; is the docker daemon healthy? (docker info)");
            }
            return new ExecResult(process.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while running '" + render(command) + "'", e);
        }
    }

    /** Runs {@code docker args...} and returns its trimmed stdout; a non-zero exit raises LabException. */
    public String check(String... args) {
        return check(List.of(args), null);
    }

    public String check(List<String> args, byte[] stdin) {
        ExecResult result = run(args, stdin);
        if (!result.ok()) {
            throw new LabException("'" + render(withExecutable(args)) + "' failed with exit code "
                    + result.exitCode() + ": " + result.stderr().strip());
        }
        return result.stdout().strip();
    }

    public boolean daemonAvailable() {
        try {
            return run(List.of("info", "--format", "{{.ServerVersion}}"), null).ok();
        } catch (LabException e) {
            return false;
        }
    }

    public boolean imageExists(String image) {
        return run(List.of("image", "inspect", "--format", "{{.Id}}", image), null).ok();
    }

    /** A bridge network; {@code masquerade} false keeps Docker from SNATing what leaves its subnet. */
    public void createNetwork(String name, Subnet subnet, Map<String, String> labels, boolean masquerade) {
        List<String> args = new ArrayList<>(List.of("network", "create", "--driver", "bridge",
                "--subnet", subnet.cidr(), "--gateway", subnet.gateway()));
        if (!masquerade) {
            args.addAll(List.of("-o", "com.docker.network.bridge.enable_ip_masquerade=false"));
        }
        labels.forEach((k, v) -> args.addAll(List.of("--label", k + "=" + v)));
        args.add(name);
        ExecResult result = run(args, null);
        if (!result.ok()) {
            String hint = result.stderr().contains("overlap")
                    ? " (another Docker network already uses " + subnet.cidr()
                            + ": pick other lab subnets, or remove that network; see 'docker network ls')"
                    : "";
            throw new LabException("'" + render(withExecutable(args)) + "' failed: " + result.stderr().strip() + hint);
        }
    }

    /** Starts a detached container on one network with a fixed address and the capabilities LVS tests need. */
    public void runContainer(String name, String hostname, String network, String ip,
                             Map<String, String> labels, String image) {
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name, "--hostname", hostname,
                "--network", network, "--ip", ip,
                // --privileged fails in the sandboxes this runs in; these two are enough for
                // sysctl -w, ip addr/route and iptables NAT inside the container.
                "--cap-add", "NET_ADMIN", "--security-opt", "systempaths=unconfined"));
        labels.forEach((k, v) -> args.addAll(List.of("--label", k + "=" + v)));
        args.add(image);
        check(args, null);
    }

    public void connect(String network, String container, String ip) {
        check("network", "connect", "--ip", ip, network, container);
    }

    public void disconnect(String network, String container) {
        check("network", "disconnect", network, container);
    }

    /** Runs {@code sh -c shellCmd} in the container as root; the exit code is the command's. */
    public ExecResult exec(String container, String shellCmd) {
        return run(List.of("exec", container, "sh", "-c", shellCmd), null);
    }

    public ExecResult exec(String container, String shellCmd, String stdin) {
        return run(List.of("exec", "-i", container, "sh", "-c", shellCmd), stdin.getBytes(StandardCharsets.UTF_8));
    }

    /** created, running, paused, restarting, exited, dead; empty when there is no such container. */
    public Optional<String> containerState(String container) {
        ExecResult result = run(List.of("container", "inspect", "--format", "{{.State.Status}}", container), null);
        return result.ok() ? Optional.of(result.stdout().strip()) : Optional.empty();
    }

    public List<String> containerIdsWithLabel(String label) {
        return lines(check("ps", "-a", "-q", "--filter", "label=" + label));
    }

    public List<String> networkIdsWithLabel(String label) {
        return lines(check("network", "ls", "-q", "--filter", "label=" + label));
    }

    public void removeContainers(List<String> ids) {
        if (!ids.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("rm", "-f", "-v"));
            args.addAll(ids);
            check(args, null);
        }
    }

    public void removeNetworks(List<String> ids) {
        if (!ids.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("network", "rm"));
            args.addAll(ids);
            check(args, null);
        }
    }

    private List<String> withExecutable(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(args);
        return command;
    }

    private static List<String> lines(String text) {
        return text.isBlank() ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).toList();
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
    }

    static String render(List<String> command) {
        StringBuilder sb = new StringBuilder();
        for (String part : command) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(part.isEmpty() || part.matches(".*[\\s'\"$`\\\\|&;<>(){}*?].*")
                    ? "'" + part.replace("'", "'\\''") + "'" : part);
        }
        return sb.toString();
    }
}
