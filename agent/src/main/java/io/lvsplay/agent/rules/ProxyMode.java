package io.lvsplay.agent.rules;

/** Whether the agent opens each connection to a real server with a PROXY protocol header, and which version. */
public enum ProxyMode {
    NONE, V1, V2;

    /** "v1", "v2" or "none", as written in the config and in rules-file extension comments. */
    public static ProxyMode parse(String text) {
        return switch (text.trim().toLowerCase()) {
            case "v1" -> V1;
            case "v2" -> V2;
            case "none", "off", "false" -> NONE;
            default -> throw new IllegalArgumentException("send_proxy must be v1, v2 or none, got '" + text + "'");
        };
    }
}
