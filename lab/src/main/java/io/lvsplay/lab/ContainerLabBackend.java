package io.lvsplay.lab;

import java.nio.file.Path;
import java.util.List;

/** Lab hosts as Docker containers from the local lab image (built from lab/image when missing). */
public final class ContainerLabBackend implements LabBackend {

    private final Path repoRoot;

    /** {@code repoRoot}: the checkout with lab/image/build-image.sh (null: the image must exist). */
    public ContainerLabBackend(Path repoRoot) {
        this.repoRoot = repoRoot;
    }

    @Override
    public RunningLab up(LabSpec spec) {
        LabImage.ensureBuilt(repoRoot);
        Lab lab = Lab.up(spec);
        return new RunningLab(lab.name(), lab.inventoryFile(), "containers",
                lab.hosts().stream().map(h -> h.name() + "\t" + String.join(", ", h.addresses())).toList());
    }

    @Override
    public String down(Path stateDir, String name) {
        LabRemoval removed = Lab.down(stateDir, name);
        return "lab '" + removed.lab() + "' removed: " + removed.containers() + " containers, "
                + removed.networks() + " networks";
    }

    @Override
    public List<HostStatus> status(Path stateDir, String name) {
        return Lab.status(stateDir, name);
    }
}
