package io.lvsplay.lab;

import java.util.List;

/** What {@code lab status} shows for one host: state is Docker's (running, paused, exited, ...) or "missing". */
public record HostStatus(String name, String container, String state, List<String> addresses) {

    public static final String MISSING = "missing";

    public HostStatus {
        addresses = List.copyOf(addresses);
    }
}
