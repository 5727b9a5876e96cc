package io.lvsplay.it.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LabFixture;
import io.lvsplay.it.LvsplayRun;
import io.lvsplay.lab.LabSpec;
import io.lvsplay.lab.LabTopology;
import io.lvsplay.lab.vm.VmImage;
import io.lvsplay.lab.vm.VmLab;
import io.lvsplay.lab.vm.VmLabOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same playbooks the container lab uses, on VMs whose kernel has IPVS and ipip: lvs_dataplane=auto
 * must pick kernel IPVS, and the kernel must forward DR, NAT (with port mapping) and TUN traffic.
 * Slow (software emulation), so it has its own switch: -Dvmlab=true.
 */
@EnabledIfSystemProperty(named = "vmlab", matches = "true")
class KernelIpvsVmTest {
    private static final Path PLAYBOOKS = LabFixture.repoRoot().resolve("playbooks");
    private static VmImage image;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void image() {
        image = VmImage.ensureBuilt(LabFixture.repoRoot());
    }

    private VmLab up(String name, LabTopology topology, String lan, String wan) {
        LabSpec.Builder spec = LabSpec.builder().name(name).topology(topology).realServers(2).lanSubnet(lan)
                .scheduler("rr").stateDir(stateDir);
        if (wan != null) {
            spec.wanSubnet(wan);
        }
        return VmLab.up(spec.build(), image, VmLabOptions.defaults());
    }

    private static LvsplayRun.Result run(Path inventory, String playbook, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "run";
        args[1] = "-i";
        args[2] = inventory.toString();
        args[3] = PLAYBOOKS.resolve(playbook).toString();
        System.arraycopy(more, 0, args, 4, more.length);
        LvsplayRun.Result result = LvsplayRun.run(args);
        System.out.println(result.output());
        return result;
    }

    private static LvsplayRun.Result verify(Path inventory, String... more) {
        String[] args = new String[3 + more.length];
        args[0] = "verify";
        args[1] = "-i";
        args[2] = inventory.toString();
        System.arraycopy(more, 0, args, 3, more.length);
        LvsplayRun.Result result = LvsplayRun.run(args);
        System.out.println(result.output());
        return result;
    }

    /** Site playbook, verify, and a second run that changes nothing, not even one ipvsadm rule. */
    private static void buildVerifyAndRerun(VmLab lab) {
        LvsplayRun.Result first = run(lab.inventoryFile(), "site.yml");
        assertEquals(0, first.exitCode(), first.output());
        assertTrue(first.stdout().contains("kernel IPVS"), "auto picks kernel IPVS on a kernel that has it");
        assertEquals(0, verify(lab.inventoryFile()).exitCode());
        String rulesBefore = lab.host("director").run("ipvsadm -Sn");
        LvsplayRun.Result again = run(lab.inventoryFile(), "site.yml");
        assertEquals(0, again.exitCode(), again.output());
        assertEquals(0, again.totalChanged(), again.stdout());
        assertEquals(rulesBefore, lab.host("director").run("ipvsadm -Sn"));
    }

    @Test
    void directRoutingThroughKernelIpvsWithRoundRobinAndWeights() throws Exception {
        try (VmLab lab = up("it-vm-dr", LabTopology.DR, "10.236.2.0/24", null)) {
            buildVerifyAndRerun(lab);
            String stats = lab.host("director").run("ipvsadm -Ln --stats");
            for (String rs : new String[] {"10.236.2.12:80", "10.236.2.13:80"}) {
                Matcher m = Pattern.compile("-> " + Pattern.quote(rs) + "\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)").matcher(stats);
                assertTrue(m.find(), stats);
                assertTrue(Integer.parseInt(m.group(1)) > 0, "both real servers got connections: " + stats);
                assertEquals("0", m.group(3), "DR: replies go from the real server to the client, not through the director");
            }
            Path inventory = lab.inventoryFile();
            String wrr = Files.readString(inventory).replaceFirst("(?m)^(rs1 .*)rs_weight=1", "$1rs_weight=3")
                    .replace("lvs_scheduler=rr", "lvs_scheduler=wrr");
            Path wrrInventory = inventory.resolveSibling("inventory-wrr.ini");
            Files.writeString(wrrInventory, wrr);
            LvsplayRun.Result weighted = run(wrrInventory, "site.yml");
            assertEquals(0, weighted.exitCode(), weighted.output());
            assertTrue(lab.host("director").run("ipvsadm -Sn").contains("-s wrr"));
            LvsplayRun.Result wrrVerify = verify(wrrInventory, "--requests", "40");
            assertEquals(0, wrrVerify.exitCode(), wrrVerify.output());
        }
    }

    @Test
    void natThroughKernelIpvsMapsThePort() {
        try (VmLab lab = up("it-vm-nat", LabTopology.NAT, "10.236.3.0/24", "10.236.4.0/24")) {
            buildVerifyAndRerun(lab);
            String rules = lab.host("director").run("ipvsadm -Sn");
            assertTrue(rules.contains("-r 10.236.3.13:8080 -m"), rules);
        }
    }

    @Test
    void tunnelingThroughKernelIpvsOverIpip() {
        try (VmLab lab = up("it-vm-tun", LabTopology.TUN, "10.236.5.0/24", null)) {
            buildVerifyAndRerun(lab);
            assertTrue(lab.host("director").run("ipvsadm -Sn").contains(" -i "));
            assertTrue(lab.host("rs1").run("ip -o addr show dev tunl0").contains("10.236.5.100/32"));
        }
    }
}
