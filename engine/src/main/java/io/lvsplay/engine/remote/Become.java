package io.lvsplay.engine.remote;

/** Privilege escalation for one task: sudo to {@code user}, with an optional password. */
public record Become(boolean enabled, String user, String password) {
    public static final Become NONE = new Become(false, "root", null);

    public static Become as(String user, String password) {
        return new Become(true, user == null ? "root" : user, password);
    }
}
