package io.lvsplay.lab.vm;

import io.lvsplay.lab.HostStatus;
import io.lvsplay.lab.LabBackend;
import io.lvsplay.lab.LabException;
import io.lvsplay.lab.LabSpec;
import java.nio.file.Path;
import java.util.List;

/** Lab hosts as QEMU VMs with Debian's cloud kernel (kernel IPVS, IPIP); the image is built from lab/vm. */
public final class VmLabBackend implements LabBackend {

    private final Path repoRoot;
    private final VmLabOptions options;

    /** {@code repoRoot}: the checkout with lab/vm/build-vm-image.sh, needed by {@link #up}. */
    public VmLabBackend(Path repoRoot, VmLabOptions options) {
        this.repoRoot = repoRoot;
        this.options = options;
    }

    @Override
    public RunningLab up(LabSpec spec) {
        if (repoRoot == null) {
            throw new LabException("--backend vm builds its image with lab/vm/build-vm-image.sh: run lvsplay "
                    + "from the lvsplay checkout or set LVSPLAY_HOME to it");
        }
        VmImage image = VmImage.ensureBuilt(repoRoot);
        VmLab lab = VmLab.up(spec, image, options);
        return new RunningLab(lab.name(), lab.inventoryFile(),
                String.format("VMs with kernel %s, in %.1f s", image.kernelRelease(), lab.upTime().toMillis() / 1000.0),
                lab.hosts().stream().map(h -> String.format("%s\t%s\t(booted in %.1f s)", h.name(),
                        String.join(", ", h.addresses()), h.bootTime().orElseThrow().toMillis() / 1000.0)).toList());
    }

    @Override
    public String down(Path stateDir, String name) {
        VmLabRemoval removed = VmLab.down(stateDir, name);
        return "lab '" + removed.lab() + "' removed: " + removed.vms() + " VMs, " + removed.links() + " bridges and taps";
    }

    @Override
    public List<HostStatus> status(Path stateDir, String name) {
        return VmLab.status(stateDir, name);
    }
}
