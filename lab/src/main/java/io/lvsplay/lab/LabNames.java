package io.lvsplay.lab;

/** How lab resources are named and labelled in Docker, so that {@code down} finds them even after a crash. */
public final class LabNames {

    public static final String LAB_LABEL = "lvsplay.lab";
    public static final String HOST_LABEL = "lvsplay.host";

    private LabNames() {
    }

    public static String container(String lab, String host) {
        return "lvsplay-" + lab + "-" + host;
    }

    public static String network(String lab, String networkKey) {
        return "lvsplay-" + lab + "-" + networkKey;
    }

    /** The {@code docker --filter label=...} value selecting everything of one lab. */
    public static String labelFilter(String lab) {
        return LAB_LABEL + "=" + lab;
    }
}
