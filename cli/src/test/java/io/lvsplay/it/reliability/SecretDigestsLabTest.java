package io.lvsplay.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Issue 15 item 5: keepalived's auth_pass rendered into a template on a real host. The host's own
 * sha1sum/md5sum/sha256sum of the file (what copy, template and stat report) must appear nowhere in
 * the output of -vvv --diff, nor the secret itself.
 */
@EnabledIfSystemProperty(named = "lab", matches = "true")
class SecretDigestsLabTest {
    private static final String SECRET = "Vr9pK2xq";

    private static LabTestNetwork network;
    private static LabHostContainer rs1;
    private static Path inventory;
    private static Path work;

    @BeforeAll
    static void startHost() throws Exception {
        LabFixture.ensureImage();
        work = Files.createTempDirectory("lvsplay-digests");
        LabInventory access = LabInventory.in(Files.createTempDirectory("lvsplay-it-digests"));
        network = LabTestNetwork.create("it-digests", "10.246.1.0/24");
        rs1 = new LabHostContainer("rs1").onNetwork(network).withAuthorizedKey(access.publicKey());
        rs1.start();
        inventory = access.write(Map.of("realservers", List.of(rs1)));
    }

    @AfterAll
    static void stopHost() {
        LabFixture.stopAll(network, rs1);
    }

    @Test
    void noDigestOfTheRenderedSecretIsPrinted() throws Exception {
        Path template = work.resolve("keepalived.conf.j2");
        Files.writeString(template, "vrrp_instance VI_1 {\n    authentication {\n        auth_type PASS\n"
                + "        auth_pass {{ auth_pass }}\n    }\n}\n");
        Path playbook = work.resolve("secret.yml");
        Files.writeString(playbook, "- hosts: realservers\n  gather_facts: false\n  vars:\n    auth_pass: " + SECRET
                + "\n  tasks:\n"
                + "    - template:\n        src: " + template + "\n        dest: /etc/keepalived.conf\n"
                + "    - copy:\n        content: \"{{ auth_pass }}\"\n        dest: /etc/auth_pass\n"
                + "    - stat:\n        path: /etc/keepalived.conf\n        get_md5: true\n"
                + "    - stat:\n        path: /etc/auth_pass\n        checksum_algorithm: sha256\n");

        LvsplayRun.Result result = LvsplayRun.run("run", "-i", inventory.toString(), playbook.toString(), "-vvv", "--diff");
        System.out.println(result.output());

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(rs1.fileContent("/etc/keepalived.conf").contains("auth_pass " + SECRET));
        assertFalse(result.output().contains(SECRET), "the secret is in the output");
        for (String sum : new String[] {"sha1sum", "md5sum", "sha256sum"}) {
            for (String file : new String[] {"/etc/keepalived.conf", "/etc/auth_pass"}) {
                String digest = rs1.exec(sum + " " + file).split("\\s", 2)[0];
                assertEquals(false, digest.isEmpty(), sum + " " + file);
                assertFalse(result.output().contains(digest), sum + " of " + file + " is in the output");
            }
        }
        assertTrue(result.stdout().contains("\"checksum\": \"********\""), result.stdout());
    }

    /**
     * An authkeys put on the host before the run (no task writes it: stat alone reads it), and a fact
     * made from the secret: neither the file's digests nor the fact's value are printed.
     */
    @Test
    void aStatOnlySecretFileAndAFactMadeFromTheSecretShowNothing() throws Exception {
        rs1.exec("mkdir -p /etc/ha.d && printf 'auth 1\\n1 sha1 %s\\n' " + SECRET + " > /etc/ha.d/authkeys");
        Path playbook = work.resolve("stat-only.yml");
        Files.writeString(playbook, "- hosts: realservers\n  gather_facts: false\n  vars:\n    heartbeat_auth_secret: "
                + SECRET + "\n  tasks:\n"
                + "    - stat:\n        path: /etc/ha.d/authkeys\n        get_md5: true\n"
                + "    - stat:\n        path: /etc/ha.d/authkeys\n        checksum_algorithm: sha256\n"
                + "    - set_fact:\n        hb_key: \"{{ heartbeat_auth_secret | reverse }}\"\n      register: made\n"
                + "    - debug:\n        var: made\n");

        LvsplayRun.Result result = LvsplayRun.run("run", "-i", inventory.toString(), playbook.toString(), "-vvv", "--diff");
        System.out.println(result.output());

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(rs1.fileContent("/etc/ha.d/authkeys").contains("1 sha1 " + SECRET));
        assertFalse(result.output().contains(SECRET), "the secret is in the output");
        assertFalse(result.output().contains(new StringBuilder(SECRET).reverse().toString()), "the derived fact is in the output");
        for (String sum : new String[] {"sha1sum", "md5sum", "sha256sum"}) {
            String digest = rs1.exec(sum + " /etc/ha.d/authkeys").split("\\s", 2)[0];
            assertFalse(digest.isEmpty(), sum);
            assertFalse(result.output().contains(digest), sum + " of the authkeys is in the output");
        }
        assertTrue(result.stdout().contains("\"checksum\": \"********\""), result.stdout());
        assertTrue(result.stdout().contains("\"hb_key\": \"********\""), result.stdout());
    }
}
