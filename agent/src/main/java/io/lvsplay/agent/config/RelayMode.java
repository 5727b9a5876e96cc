package io.lvsplay.agent.config;

/** The config's {@code relay}: splice where Netty's native library loads (auto), splice or nothing, or the copying NIO relay. */
public enum RelayMode {
    AUTO, SPLICE, NIO;

    public static RelayMode parse(String text) {
        return switch (text.trim().toLowerCase()) {
            case "auto" -> AUTO;
            case "splice" -> SPLICE;
            case "nio" -> NIO;
            default -> throw new IllegalArgumentException("relay must be auto, splice or nio, got '" + text + "'");
        };
    }
}
