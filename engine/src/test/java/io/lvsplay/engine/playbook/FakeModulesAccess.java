package io.lvsplay.engine.playbook;

import java.nio.file.Path;

/** Loads a playbook with the fake module registry, for tests outside this package. */
public final class FakeModulesAccess {
    private FakeModulesAccess() {
    }

    public static Playbook load(Path file) {
        return new PlaybookLoader(FakeModules.registry()).load(file);
    }
}
