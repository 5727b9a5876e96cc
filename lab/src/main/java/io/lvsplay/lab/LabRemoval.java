package io.lvsplay.lab;

/** What {@code lab down} removed. */
public record LabRemoval(String lab, int containers, int networks) {

    public boolean removedAnything() {
        return containers > 0 || networks > 0;
    }
}
