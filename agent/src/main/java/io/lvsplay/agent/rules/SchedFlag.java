package io.lvsplay.agent.rules;

/** Scheduler flags given with {@code -b}; ipvsadm prints fallback before port. */
public enum SchedFlag {
    SH_FALLBACK("sh-fallback"),
    SH_PORT("sh-port"),
    MH_FALLBACK("mh-fallback"),
    MH_PORT("mh-port");

    private final String text;

    SchedFlag(String text) {
        this.text = text;
    }

    public String text() { return text; }

    public static SchedFlag parse(String text) {
        for (SchedFlag f : values()) {
            if (f.text.equals(text)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown scheduler flag '" + text + "', expected sh-fallback, sh-port, mh-fallback or mh-port");
    }

    /** sh-fallback and mh-fallback are the same kernel bit (SCHED1), port is SCHED2. */
    public boolean isFallback() {
        return this == SH_FALLBACK || this == MH_FALLBACK;
    }
}
