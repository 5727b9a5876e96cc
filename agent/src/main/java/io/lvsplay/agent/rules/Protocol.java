package io.lvsplay.agent.rules;

/** Transport protocol of a virtual service, with its ipvsadm spellings. */
public enum Protocol {
    TCP("-t", "TCP"),
    UDP("-u", "UDP");

    private final String flag;
    private final String label;

    Protocol(String flag, String label) {
        this.flag = flag;
        this.label = label;
    }

    /** The ipvsadm switch, "-t" or "-u". */
    public String flag() { return flag; }

    /** The name in {@code ipvsadm -Ln} output, "TCP" or "UDP". */
    public String label() { return label; }

    /** Accepts "tcp", "udp", "-t", "-u" in any case. */
    public static Protocol parse(String text) {
        String t = text.trim().toLowerCase();
        return switch (t) {
            case "tcp", "-t" -> TCP;
            case "udp", "-u" -> UDP;
            default -> throw new IllegalArgumentException("unknown protocol '" + text + "', expected tcp or udp");
        };
    }
}
