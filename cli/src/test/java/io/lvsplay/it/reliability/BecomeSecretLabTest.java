package io.lvsplay.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.lvsplay.it.LabFixture;
import io.lvsplay.it.LabHostContainer;
import io.lvsplay.it.LabInventory;
import io.lvsplay.it.LabTestNetwork;
import io.lvsplay.it.LvsplayRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 15 item 3: the become password reaches sudo only when sudo asks for it. One lab host is
 * reached three ways (as root, as a NOPASSWD sudoer, as a sudoer who must type a password); each
 * writes files with copy, template and shell stdin under become, and afterwards no byte of any
 * file on the host and no byte of the output contains the password.
 */
@EnabledIfSystemProperty(named = "lab", matches = "true")
class BecomeSecretLabTest {
    private static final String SECRET = "BecomeSecret-7f3a9c";

    private static LabTestNetwork network;
    private static LabHostContainer rs1;
    private static Path labInventory;
    private static Path work;

    @BeforeAll
    static void startHost() throws Exception {
        LabFixture.ensureImage();
        work = Files.createTempDirectory("lvsplay-become");
        LabInventory access = LabInventory.in(Files.createTempDirectory("lvsplay-it-become"));
        network = LabTestNetwork.create("it-become", "10.250.13.0/24");
        rs1 = new LabHostContainer("rs1").onNetwork(network).withAuthorizedKey(access.publicKey());
        rs1.start();
        labInventory = access.write(Map.of("realservers", List.of(rs1)));
        rs1.exec("for u in nopw withpw; do useradd -m -s /bin/sh $u; "
                + "install -d -m 700 -o $u -g $u /home/$u/.ssh; "
                + "install -m 600 -o $u -g $u /root/.ssh/authorized_keys /home/$u/.ssh/authorized_keys; done; "
                + "echo 'nopw ALL=(ALL) NOPASSWD: ALL' > /etc/sudoers.d/nopw; "
                + "echo 'withpw ALL=(ALL) ALL' > /etc/sudoers.d/withpw; "
                + "echo 'withpw:" + SECRET + "' | chpasswd; mkdir -p /opt/become");
    }

    @AfterAll
    static void stopHost() {
        LabFixture.stopAll(network, rs1);
    }

    @Test
    void thePasswordIsNeverWrittenToAnyFileOrPrinted() throws Exception {
        String address = rs1.ipAddress();
        Path inventory = work.resolve("hosts.ini");
        String labVars = Files.readString(labInventory);
        Files.writeString(inventory, labVars.substring(labVars.indexOf("[all:vars]")).replace("ansible_user=root\n", "")
                + "ansible_become_password=" + SECRET + "\n\n[ways]\n"
                + "as-root ansible_host=" + address + " ansible_user=root\n"
                + "as-nopw ansible_host=" + address + " ansible_user=nopw\n"
                + "as-withpw ansible_host=" + address + " ansible_user=withpw\n");
        Path template = work.resolve("t.j2");
        Files.writeString(template, "template for {{ inventory_hostname }}\n");
        Path playbook = work.resolve("become.yml");
        Files.writeString(playbook, "- hosts: ways\n  gather_facts: false\n  become: true\n  serial: 1\n  tasks:\n"
                + "    - ansible.builtin.copy:\n        content: \"copy for {{ inventory_hostname }}\\n\"\n"
                + "        dest: /opt/become/{{ inventory_hostname }}-copy.txt\n"
                + "    - ansible.builtin.template:\n        src: " + template + "\n"
                + "        dest: /opt/become/{{ inventory_hostname }}-template.txt\n"
                + "    - ansible.builtin.shell: cat > /opt/become/{{ inventory_hostname }}-stdin.txt\n"
                + "      args:\n        stdin: stdin for {{ inventory_hostname }}\n"
                + "    - ansible.builtin.command: id -u\n      register: uid\n      changed_when: false\n"
                + "    - ansible.builtin.assert:\n        that: uid.stdout == '0'\n");

        LvsplayRun.Result result = LvsplayRun.run("run", "-i", inventory.toString(), playbook.toString(), "-vvv");
        System.out.println(result.output());

        assertEquals(0, result.exitCode(), result.output());
        for (String way : new String[] {"as-root", "as-nopw", "as-withpw"}) {
            assertEquals("copy for " + way, rs1.fileContent("/opt/become/" + way + "-copy.txt").strip());
            assertEquals("template for " + way, rs1.fileContent("/opt/become/" + way + "-template.txt").strip());
            assertEquals("stdin for " + way, rs1.fileContent("/opt/become/" + way + "-stdin.txt").strip());
            assertEquals("root", rs1.exec("stat -c %U /opt/become/" + way + "-copy.txt").strip());
        }
        assertFalse(result.output().contains(SECRET), "the password is in the output");
        // chpasswd stored only a hash; the clear text must not be anywhere on the host's disk
        assertEquals("", rs1.exec("grep -rlF '" + SECRET + "' / --exclude-dir=proc --exclude-dir=sys "
                + "--exclude-dir=dev 2>/dev/null || true").strip(), "files on the host holding the password");
    }
}
