package io.lvsplay.agent.rules;

/**
 * The IPVS packet-forwarding method of a real server. The agent is a full proxy, so every method forwards the
 * same way; the method is kept so that list and save output match what kernel IPVS would show for the same rules.
 */
public enum ForwardMethod {
    ROUTE("-g", "Route"),
    MASQ("-m", "Masq"),
    TUNNEL("-i", "Tunnel");

    private final String flag;
    private final String label;

    ForwardMethod(String flag, String label) {
        this.flag = flag;
        this.label = label;
    }

    public String flag() { return flag; }

    public String label() { return label; }
}
