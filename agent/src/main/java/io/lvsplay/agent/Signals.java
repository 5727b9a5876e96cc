package io.lvsplay.agent;

import sun.misc.Signal;

/** SIGHUP means "reload", as for ipvsadm-based services under systemd (ExecReload=kill -HUP). */
public final class Signals {
    private Signals() {
    }

    public static void onHangup(Runnable action) {
        try {
            Signal.handle(new Signal("HUP"), sig -> action.run());
        } catch (IllegalArgumentException e) {
            Log.warn("SIGHUP reload unavailable on this platform (" + e.getMessage() + "); use 'lvsplay-agent reload'");
        }
    }
}
