package io.lvsplay.agent.net;

import io.lvsplay.agent.config.RelayMode;

/**
 * Which TCP relay runs, and why: splice (zero-copy, for bulk streams) or the copying NIO relay. {@code check} prints
 * it and the agent logs it at start.
 *
 * @param splice true when long streams are relayed with splice(2)
 */
public record RelayChoice(boolean splice, String reason) {

    /** Null when splice works on this host, else why not. */
    public static String spliceUnavailableReason() {
        return NativeEpoll.get().problem;
    }

    public static RelayChoice of(RelayMode mode) {
        if (mode == RelayMode.NIO) {
            return new RelayChoice(false, "relay: nio in the config");
        }
        String problem = spliceUnavailableReason();
        if (problem != null) {
            return new RelayChoice(false, "splice unavailable: " + problem);
        }
        return new RelayChoice(true, "Netty native epoll; a connection switches to splice after its first full buffer");
    }

    @Override
    public String toString() {
        return "relay: " + (splice ? "splice" : "nio") + " (" + reason + ")";
    }
}
