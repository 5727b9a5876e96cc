package io.lvsplay.engine.transport;

import java.nio.charset.StandardCharsets;

/** What a remote command printed and how it exited. */
public record ExecResult(int exitCode, byte[] stdoutBytes, byte[] stderrBytes) {

    public String stdout() {
        return new String(stdoutBytes, StandardCharsets.UTF_8);
    }

    public String stderr() {
        return new String(stderrBytes, StandardCharsets.UTF_8);
    }

    public boolean ok() {
        return exitCode == 0;
    }
}
