package io.lvsplay.lab.vm;

/** What {@code lab down --backend vm} removed: stopped VMs and deleted bridges and taps. */
public record VmLabRemoval(String lab, int vms, int links) {

    public boolean removedAnything() {
        return vms > 0 || links > 0;
    }
}
