package io.lvsplay.modules;

import static io.lvsplay.modules.TestHost.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plans against this Debian machine's real dpkg database; nothing is installed or removed. */
class PackageModuleTest {
    private final TestHost host = new TestHost(Path.of("/nonexistent"));

    @BeforeEach
    void debianHost() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg-query")), "needs a Debian-like machine");
    }

    @Test
    void installedPackagesNeedNothing() {
        assertFalse(host.plan(PackageModule.generic(), args("name", List.of("coreutils", "dpkg"))).changesSomething());
    }

    @Test
    void onlyMissingPackagesAreInstalled() {
        Plan plan = host.plan(PackageModule.forManager("apt"), args("name", "coreutils,lvsplay-no-such-package"));
        assertEquals(List.of("lvsplay-no-such-package"), plan.result().get("packages"));
        assertEquals("install lvsplay-no-such-package", plan.changes().get(0).description());
    }

    @Test
    void absentPackagesNeedNoRemoval() {
        assertFalse(host.plan(PackageModule.generic(), args("name", "lvsplay-no-such-package", "state", "absent"))
                .changesSomething());
    }

    @Test
    void aFreshCacheIsNotUpdatedWhenNothingIsToInstall() {
        Plan plan = host.plan(PackageModule.forManager("apt"), args("name", "coreutils", "update_cache", true));
        assertFalse(plan.changesSomething());
    }

    @Test
    void updateCacheAloneIsAChange() {
        Plan plan = host.plan(PackageModule.forManager("apt"), args("update_cache", true));
        assertTrue(plan.changesSomething());
    }

    @Test
    void aManagerTheHostLacksIsAClearFailure() {
        assumeTrue(!Files.exists(Path.of("/usr/bin/dnf")));
        ModuleFailure e = assertThrows(ModuleFailure.class,
                () -> host.plan(PackageModule.forManager("dnf"), args("name", "nginx")));
        assertTrue(e.getMessage().startsWith("no dnf on local"), e.getMessage());
    }
}
