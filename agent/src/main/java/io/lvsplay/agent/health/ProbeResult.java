package io.lvsplay.agent.health;

/** The answer of one check, with a reason a person can act on when it failed. */
public record ProbeResult(boolean ok, String detail) {

    public static ProbeResult pass(String detail) {
        return new ProbeResult(true, detail);
    }

    public static ProbeResult fail(String detail) {
        return new ProbeResult(false, detail);
    }
}
