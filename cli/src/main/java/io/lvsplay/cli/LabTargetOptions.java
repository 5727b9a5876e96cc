package io.lvsplay.cli;

import io.lvsplay.lab.ContainerLabBackend;
import io.lvsplay.lab.LabBackend;
import io.lvsplay.lab.vm.VmLabBackend;
import io.lvsplay.lab.vm.VmLabOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which lab a {@code lab} subcommand acts on: its name, where its state is, and its backend (a picocli mixin). */
final class LabTargetOptions {

    /** Which kind of lab host: containers share this machine's kernel, VMs boot their own (with IPVS). */
    enum Backend { container, vm }

    @Option(names = "--name", defaultValue = "lvsplay", description = "Lab name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--state-dir", description = "Where keys, inventories and the lab's state go (default ./.lab).")
    Path stateDir;

    @Option(names = "--backend", defaultValue = "container",
            description = "container or vm (QEMU VMs with Debian's cloud kernel: kernel IPVS; needs root) "
                    + "(default: ${DEFAULT-VALUE}).")
    Backend backend;

    Path stateDir() {
        return stateDir != null ? stateDir : Path.of(".lab");
    }

    LabBackend backend(VmLabOptions vmOptions) {
        return backend == Backend.vm ? new VmLabBackend(repoRoot(), vmOptions) : new ContainerLabBackend(repoRoot());
    }

    /** The repository root, where lab/image/build-image.sh lives (null when run from elsewhere). */
    static Path repoRoot() {
        String env = System.getenv("LVSPLAY_HOME");
        for (Path candidate : new Path[] {env == null ? null : Path.of(env), Path.of("").toAbsolutePath()}) {
            if (candidate != null && Files.isRegularFile(candidate.resolve("lab/image/build-image.sh"))) {
                return candidate;
            }
        }
        return null;
    }
}
