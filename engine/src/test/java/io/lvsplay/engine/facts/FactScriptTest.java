package io.lvsplay.engine.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fact script run with /bin/sh on this machine, parsed: the shape playbooks rely on. */
class FactScriptTest {

    private static Map<String, Object> facts;
    private static String raw;

    @BeforeAll
    static void runScriptHere() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/sh", "-s").redirectErrorStream(false).start();
        p.getOutputStream().write(FactScript.TEXT.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        raw = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        facts = FactParser.parse(raw);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void everySectionIsPrinted() {
        for (String s : List.of("hostname", "fqdn", "uname", "os_release", "default_route", "addresses", "links",
                "init", "pkg_mgr", "ipvs", "ipip", "user", "nproc", "meminfo", "virt", "python", "end")) {
            assertTrue(raw.contains("@@" + s + "\n"), s);
        }
    }

    /** ansible_python and ansible_python_version as Ansible gathers them, from this machine's python. */
    @Test
    void pythonFactsDescribeTheInterpreter() throws Exception {
        Map<String, Object> python = map(facts.get("python"));
        assumeTrue(python.containsKey("version"), "needs python on this machine");
        Process p = new ProcessBuilder(String.valueOf(python.get("executable")), "-c",
                "import platform, sys; print(platform.python_version(), sys.implementation.name)").start();
        String[] want = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split(" ");
        assertEquals(want[0], facts.get("python_version"));
        assertEquals(want[1], python.get("type"));
        assertEquals(Integer.parseInt(want[0].split("\\.")[0]), map(python.get("version")).get("major"));
        assertEquals(5, ((List<?>) python.get("version_info")).size());
        assertEquals(true, python.get("has_sslcontext"));
    }

    @Test
    void hostnameIsThisMachines() throws IOException {
        String kernelName = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        assertEquals(kernelName.split("\\.")[0], facts.get("hostname"));
    }

    @Test
    void interfacesIncludeLoopback() {
        assertTrue(((List<?>) facts.get("interfaces")).contains("lo"), String.valueOf(facts.get("interfaces")));
        assertEquals("127.0.0.1", map(map(facts.get("lo")).get("ipv4")).get("address"));
    }

    @Test
    void defaultIpv4PointsAtAnInterfaceWithThatAddress() {
        Map<String, Object> d = map(facts.get("default_ipv4"));
        assumeTrue(!d.isEmpty(), "this machine has no IPv4 default route");
        Map<String, Object> iface = map(facts.get(String.valueOf(d.get("interface")).replace('-', '_')));
        assertEquals(map(iface.get("ipv4")).get("address"), d.get("address"));
        assertTrue(String.valueOf(d.get("netmask")).matches("\\d+\\.\\d+\\.\\d+\\.\\d+"));
        assertTrue(((List<?>) facts.get("all_ipv4_addresses")).contains(d.get("address")));
    }

    @Test
    void loopbackAddressIsNotInAllIpv4Addresses() {
        assertFalse(((List<?>) facts.get("all_ipv4_addresses")).contains("127.0.0.1"));
    }

    @Test
    void osFamilyMatchesOsRelease() throws IOException {
        Path osRelease = Path.of("/etc/os-release");
        assumeTrue(Files.exists(osRelease));
        String text = Files.readString(osRelease);
        assumeTrue(text.contains("ID=debian") || text.contains("ID_LIKE=debian"), "not a Debian-family machine");
        assertEquals("Debian", facts.get("os_family"));
    }

    @Test
    void ipvsStateIsOneOfTheThreeStates() {
        Map<String, Object> ipvs = map(facts.get("ipvs"));
        if (Files.exists(Path.of("/proc/net/ip_vs"))) {
            assertEquals("loaded", ipvs.get("state"));
        } else if (!Files.exists(Path.of("/lib/modules", String.valueOf(facts.get("kernel"))))) {
            assertEquals("absent", ipvs.get("state"));
            assertEquals(false, ipvs.get("available"));
        } else {
            assertTrue(List.of("loadable", "absent").contains(ipvs.get("state")), String.valueOf(ipvs));
        }
    }

    @Test
    void userIsTheOneRunningTheScript() {
        assertEquals(System.getProperty("user.name"), facts.get("user_id"));
    }

    @Test
    void memoryAndCpuAreCounted() {
        assertTrue((Integer) facts.get("memtotal_mb") > 0);
        assertTrue((Integer) facts.get("processor_vcpus") >= 1);
    }
}
