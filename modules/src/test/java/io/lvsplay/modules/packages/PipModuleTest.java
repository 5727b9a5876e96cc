package io.lvsplay.modules.packages;

import static io.lvsplay.modules.support.RecordedHost.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.modules.support.RecordedHost;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * pip's plans from recorded `pip list --format=freeze` output (written after pip 23 on Debian 12;
 * the lab hosts have no pip and no package index, so no lab test installs anything).
 */
class PipModuleTest {
    private static final String FREEZE = "list --format=freeze 2>";
    private static final String OUTDATED = "list --format=freeze --outdated";
    private final PipModule pip = new PipModule();

    private static RecordedHost host(String freeze) {
        return new RecordedHost().answer("command -v pip3", "/usr/bin/pip3\n").answer(FREEZE, freeze);
    }

    @Test
    void anInstalledPackageThatSatisfiesTheSpecifierNeedsNothing() {
        RecordedHost h = host("psutil==5.8.0\nrequests==2.28.1\n");
        assertFalse(h.plan(pip, args("name", "psutil==5.8.0")).changesSomething());
        assertFalse(host("Requests==2.28.1\n").plan(pip, args("name", "requests>=2,<3")).changesSomething());
        assertFalse(host("psutil==5.8\n").plan(pip, args("name", "psutil", "version", "5.8.0")).changesSomething());
    }

    @Test
    void aMissingOrWrongVersionIsInstalledInOneCommand() {
        RecordedHost h = host("psutil==5.7.0\n");
        Plan plan = h.plan(pip, args("name", List.of("psutil==5.8.0", "six")));
        assertTrue(plan.changesSomething());
        assertEquals(List.of("/usr/bin/pip3 install psutil==5.8.0 six"), h.apply(plan));
        assertEquals("psutil==5.8.0\nsix\n", plan.changes().get(0).diff().after());
    }

    @Test
    void absentUninstallsOnlyWhatIsThereByItsNormalizedName() {
        RecordedHost h = host("python_dateutil==2.8.2\n");
        Plan plan = h.plan(pip, args("name", List.of("python-dateutil", "six"), "state", "absent"));
        assertEquals(List.of("/usr/bin/pip3 uninstall -y python-dateutil"), h.apply(plan));
        assertFalse(host("").plan(pip, args("name", "six", "state", "absent")).changesSomething());
    }

    @Test
    void latestUpgradesOnlyWhatTheIndexHasNewer() {
        RecordedHost h = host("six==1.15.0\nidna==3.4\n").answer(OUTDATED, "six==1.15.0\n");
        Plan plan = h.plan(pip, args("name", List.of("six", "idna"), "state", "latest", "extra_args", "--user"));
        assertEquals(List.of("/usr/bin/pip3 install -U --user six"), h.apply(plan));
    }

    @Test
    void aHostWithoutPipFailsWithAnsiblesMessage() {
        RecordedHost h = new RecordedHost().answer("command -v pip3", 1, "");
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> h.plan(pip, args("name", "six")));
        assertTrue(e.getMessage().contains("pip needs to be installed"), e.getMessage());
    }

    @Test
    void aSpecifierLvsplayCannotCompareIsRefusedByName() {
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> host("").plan(pip, args("name", "six~=1.15")));
        assertTrue(e.getMessage().contains("lvsplay does not support the pip version specifier '~=1.15'"), e.getMessage());
    }

    @Test
    void virtualenvsAndRequirementsFilesAreRefused() {
        assertTrue(pip.argSpec().notSupported().containsKey("virtualenv"));
        assertTrue(pip.argSpec().notSupported().containsKey("requirements"));
    }
}
