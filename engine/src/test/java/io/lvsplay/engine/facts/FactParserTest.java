package io.lvsplay.engine.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fact script output (captured from real hosts, trimmed) turned into Ansible-shaped facts. */
class FactParserTest {

    /** An LVS director: eth0 10.10.10.11/24 plus the VIP 10.10.10.100/32 on the alias label eth0:0. */
    static final String DIRECTOR = """
            @@hostname
            lvs1.example.net
            @@fqdn
            lvs1.example.net
            @@uname
            Linux
            6.1.0-18-amd64
            x86_64
            #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)
            @@os_release
            PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
            NAME="Debian GNU/Linux"
            VERSION_ID="12"
            VERSION="12 (bookworm)"
            VERSION_CODENAME=bookworm
            ID=debian
            @@default_route
            default via 10.10.10.1 dev eth0 onlink
            @@addresses
            1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever
            1: lo    inet6 ::1/128 scope host noprefixroute \\       valid_lft forever preferred_lft forever
            2: eth0    inet 10.10.10.11/24 brd 10.10.10.255 scope global eth0\\       valid_lft forever preferred_lft forever
            2: eth0    inet 10.10.10.100/32 scope global eth0:0\\       valid_lft forever preferred_lft forever
            2: eth0    inet6 fe80::5054:ff:fe12:3456/64 scope link \\       valid_lft forever preferred_lft forever
            @@links
            1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
            2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP mode DEFAULT group default qlen 1000\\    link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff
            @@init
            systemd
            @@pkg_mgr
            apt-get
            @@ipvs
            loaded
            @@ipip
            loadable
            @@user
            root
            0
            @@nproc
            2
            @@meminfo
            MemTotal:        2030592 kB
            MemFree:          812344 kB
            @@virt
            none
            @@python
            /usr/bin/python3
            @@end
            """;

    /** A container: eth0 is a veth whose peer shows up as eth0@if12. */
    static final String DOCKER = """
            @@hostname
            3f2a1b
            @@uname
            Linux
            @@os_release
            ID=ubuntu
            ID_LIKE=debian
            VERSION_ID="22.04"
            @@default_route
            default via 172.17.0.1 dev eth0
            @@addresses
            1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever
            12: eth0@if13    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\\       valid_lft forever preferred_lft forever
            @@links
            1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
            12: eth0@if13: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default \\    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff link-netnsid 0
            @@virt
            docker
            @@end
            """;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void hostnameIsTheShortNameAndFqdnTheLongOne() {
        Map<String, Object> f = FactParser.parse(DIRECTOR);
        assertEquals("lvs1", f.get("hostname"));
        assertEquals("lvs1.example.net", f.get("fqdn"));
    }

    @Test
    void debianIsRecognised() {
        Map<String, Object> f = FactParser.parse(DIRECTOR);
        assertEquals("Debian", f.get("distribution"));
        assertEquals("Debian", f.get("os_family"));
        assertEquals("12", f.get("distribution_major_version"));
        assertEquals("bookworm", f.get("distribution_release"));
        assertEquals("apt", f.get("pkg_mgr"));
        assertEquals("systemd", f.get("service_mgr"));
    }

    @Test
    void ubuntuIsInTheDebianFamily() {
        Map<String, Object> f = FactParser.parse(DOCKER);
        assertEquals("Ubuntu", f.get("distribution"));
        assertEquals("Debian", f.get("os_family"));
        assertEquals("22", f.get("distribution_major_version"));
    }

    @Test
    void defaultIpv4DescribesThePrimaryAddressOfTheDefaultRouteInterface() {
        Map<String, Object> d = map(FactParser.parse(DIRECTOR).get("default_ipv4"));
        assertEquals("10.10.10.11", d.get("address"));
        assertEquals("255.255.255.0", d.get("netmask"));
        assertEquals("10.10.10.0", d.get("network"));
        assertEquals("10.10.10.255", d.get("broadcast"));
        assertEquals("24", d.get("prefix"));
        assertEquals("eth0", d.get("interface"));
        assertEquals("10.10.10.1", d.get("gateway"));
        assertEquals("52:54:00:12:34:56", d.get("macaddress"));
    }

    @Test
    void vipOnAnAliasLabelIsASecondaryAddressWithItsLabel() {
        Map<String, Object> eth0 = map(FactParser.parse(DIRECTOR).get("eth0"));
        assertEquals("10.10.10.11", map(eth0.get("ipv4")).get("address"));
        List<?> secondaries = (List<?>) eth0.get("ipv4_secondaries");
        assertEquals(1, secondaries.size());
        Map<String, Object> vip = map(secondaries.get(0));
        assertEquals("10.10.10.100", vip.get("address"));
        assertEquals("255.255.255.255", vip.get("netmask"));
        assertEquals("32", vip.get("prefix"));
        assertEquals("eth0:0", vip.get("label"));
    }

    @Test
    void primaryAddressWhoseLabelIsTheDeviceHasNoLabel() {
        Map<String, Object> eth0 = map(FactParser.parse(DIRECTOR).get("eth0"));
        assertNull(map(eth0.get("ipv4")).get("label"));
    }

    @Test
    void allIpv4AddressesListsEveryNonLoopbackAddressIncludingTheVip() {
        assertEquals(List.of("10.10.10.11", "10.10.10.100"), FactParser.parse(DIRECTOR).get("all_ipv4_addresses"));
    }

    @Test
    void vipOnLoopbackOfADirectRoutingRealServerIsInAllIpv4Addresses() {
        // LVS-DR real servers hold the VIP on lo; Ansible leaves out only 127.* addresses.
        String realServer = DIRECTOR.replace(
                "1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever\n",
                "1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever\n"
                        + "1: lo    inet 10.10.10.100/32 scope global lo:0\\       valid_lft forever preferred_lft forever\n")
                .replace("2: eth0    inet 10.10.10.100/32 scope global eth0:0\\       valid_lft forever preferred_lft forever\n", "");
        assertEquals(List.of("10.10.10.100", "10.10.10.11"), FactParser.parse(realServer).get("all_ipv4_addresses"));
    }

    @Test
    void labelIsFoundAfterAddressFlags() {
        String dhcp = DOCKER.replace("scope global eth0\\", "scope global dynamic noprefixroute eth0\\");
        Map<String, Object> eth0 = map(FactParser.parse(dhcp).get("eth0"));
        assertNull(map(eth0.get("ipv4")).get("label"), String.valueOf(eth0));
    }

    @Test
    void interfacesListLoopbackAndEthernet() {
        Map<String, Object> f = FactParser.parse(DIRECTOR);
        assertEquals(List.of("lo", "eth0"), f.get("interfaces"));
        assertEquals("loopback", map(f.get("lo")).get("type"));
        assertEquals("ether", map(f.get("eth0")).get("type"));
        assertEquals(1500, map(f.get("eth0")).get("mtu"));
        assertEquals(Boolean.TRUE, map(f.get("eth0")).get("active"));
    }

    @Test
    void vethPeerSuffixIsNotPartOfTheInterfaceName() {
        Map<String, Object> f = FactParser.parse(DOCKER);
        assertEquals(List.of("lo", "eth0"), f.get("interfaces"));
        Map<String, Object> d = map(f.get("default_ipv4"));
        assertEquals("172.17.0.2", d.get("address"));
        assertEquals("255.255.0.0", d.get("netmask"));
        assertEquals("172.17.0.0", d.get("network"));
        assertEquals("eth0", d.get("interface"));
        assertEquals("02:42:ac:11:00:02", d.get("macaddress"));
    }

    @Test
    void ipv6AddressesAreListedWithPrefixAndScope() {
        List<?> v6 = (List<?>) map(FactParser.parse(DIRECTOR).get("eth0")).get("ipv6");
        assertEquals(Map.of("address", "fe80::5054:ff:fe12:3456", "prefix", "64", "scope", "link"), v6.get(0));
    }

    @Test
    void kernelModuleStates() {
        Map<String, Object> f = FactParser.parse(DIRECTOR);
        assertEquals(Map.of("state", "loaded", "available", true), f.get("ipvs"));
        assertEquals(Map.of("state", "loadable", "available", true), f.get("ipip"));
        assertEquals(Map.of("state", "absent", "available", false), FactParser.parse(DOCKER).get("ipvs"));
    }

    @Test
    void hardwareAndUser() {
        Map<String, Object> f = FactParser.parse(DIRECTOR);
        assertEquals(2, f.get("processor_vcpus"));
        assertEquals(1983, f.get("memtotal_mb"));
        assertEquals(793, f.get("memfree_mb"));
        assertEquals("root", f.get("user_id"));
        assertEquals(0, f.get("user_uid"));
        assertEquals("x86_64", f.get("architecture"));
        assertEquals("6.1.0-18-amd64", f.get("kernel"));
    }

    @Test
    void containerIsAVirtualizationGuest() {
        Map<String, Object> f = FactParser.parse(DOCKER);
        assertEquals("docker", f.get("virtualization_type"));
        assertEquals("guest", f.get("virtualization_role"));
        assertEquals("", FactParser.parse(DIRECTOR).get("virtualization_type"));
    }

    @Test
    void noDefaultRouteGivesAnEmptyDefaultIpv4() {
        String isolated = DIRECTOR.replace("default via 10.10.10.1 dev eth0 onlink\n", "");
        assertEquals(Map.of(), FactParser.parse(isolated).get("default_ipv4"));
    }

    @Test
    void emptyOutputStillGivesTheKeysPlaybooksRead() {
        Map<String, Object> f = FactParser.parse("");
        assertEquals(List.of(), f.get("interfaces"));
        assertEquals(Map.of(), f.get("default_ipv4"));
        assertEquals("absent", map(f.get("ipvs")).get("state"));
    }

    @Test
    void ipv4ComputesNetworkAndBroadcast() {
        Map<String, Object> a = FactParser.ipv4("192.168.7.77/20");
        assertEquals("255.255.240.0", a.get("netmask"));
        assertEquals("192.168.0.0", a.get("network"));
        assertEquals("192.168.15.255", a.get("broadcast"));
    }

    @Test
    void ansibleEnvHoldsTheRemoteEnvironmentWithMultiLineValues() {
        Map<String, Object> f = FactParser.parse("@@env\nPATH=/usr/bin:/bin\nMULTI=one\u0001two\nEMPTY=\n@@end\n");
        assertEquals(Map.of("PATH", "/usr/bin:/bin", "MULTI", "one\ntwo", "EMPTY", ""), f.get("env"));
    }
}
