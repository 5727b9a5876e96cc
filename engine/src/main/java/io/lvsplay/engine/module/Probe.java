package io.lvsplay.engine.module;

import io.lvsplay.engine.remote.RemoteHost;

/**
 * A read a module's plan starts with, declared before planning ({@link Module#probes}) so that a loop
 * sends the reads of all its items to the host in one round trip. The plan still makes the read
 * itself; the executor answers it from that batch when nothing was applied on the host in between.
 */
public record Probe(Kind kind, String subject) {

    /** Which {@link RemoteHost} read the plan makes. */
    public enum Kind { COMMAND, STAT, SNAPSHOT, READ_FILE }

    /** {@code host.run(script)}: a read-only script. */
    public static Probe command(String script) {
        return new Probe(Kind.COMMAND, script);
    }

    /** {@code host.stat(path)}. */
    public static Probe stat(String path) {
        return new Probe(Kind.STAT, path);
    }

    /** {@code host.snapshot(path)}: stat and content. */
    public static Probe snapshot(String path) {
        return new Probe(Kind.SNAPSHOT, path);
    }

    /** {@code host.readFile(path)}. */
    public static Probe readFile(String path) {
        return new Probe(Kind.READ_FILE, path);
    }

    /** Makes the read on {@code host}, as the plan will. */
    public void readOn(RemoteHost host) {
        switch (kind) {
            case COMMAND -> host.run(subject);
            case STAT -> host.stat(subject);
            case SNAPSHOT -> host.snapshot(subject);
            case READ_FILE -> host.readFile(subject);
        }
    }
}
