package io.lvsplay.lab;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a lab's hosts run: containers that share this machine's kernel ({@link ContainerLabBackend}),
 * or QEMU VMs that boot their own, with kernel IPVS ({@code io.lvsplay.lab.vm.VmLabBackend}). Both
 * write the same inventory for the same {@link LabSpec}, so playbooks and tests do not care which.
 */
public interface LabBackend {

    /** Starts (or replaces) the lab {@code spec} describes and writes its inventory. */
    RunningLab up(LabSpec spec);

    /** Removes the lab named {@code name}; returns one line saying what went. */
    String down(Path stateDir, String name);

    /** The lab's hosts and their state; empty when there is no such lab. */
    List<HostStatus> status(Path stateDir, String name);

    /**
     * A lab that is up, as {@code lab up} reports it: what runs the hosts ("containers", "VMs with
     * kernel 6.1.0-..."), and one line per host with its name, addresses and what the backend knows
     * (a VM's boot time).
     */
    record RunningLab(String name, Path inventoryFile, String description, List<String> hostLines) {
        public RunningLab {
            hostLines = List.copyOf(hostLines);
        }
    }
}
