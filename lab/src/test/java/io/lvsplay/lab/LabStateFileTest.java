package io.lvsplay.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabStateFileTest {

    @Test
    void recordedHostsReadBack(@TempDir Path dir) throws IOException {
        LabPlan plan = LabPlan.of(LabSpec.builder().name("s1").topology(LabTopology.NAT).build());
        Path file = dir.resolve(LabStateFile.FILE_NAME);
        Files.writeString(file, LabStateFile.render(plan, "img:1", dir.resolve("inventory.ini"),
                new SshKeyPair(dir.resolve("k \"q\""), dir.resolve("k.pub")), dir.resolve("known_hosts")));
        List<LabStateFile.RecordedHost> hosts = LabStateFile.readHosts(file);
        assertEquals(new LabStateFile.RecordedHost("director", "lvsplay-s1-director", List.of("20.20.20.11", "10.10.10.11")),
                hosts.get(0));
        assertEquals(List.of("director", "rs1", "rs2", "client"), hosts.stream().map(LabStateFile.RecordedHost::name).toList());
        String json = Files.readString(file);
        assertTrue(json.contains("\"docker\" : \"lvsplay-s1-wan\"") && json.contains("\"subnet\" : \"20.20.20.0/24\""), json);
        assertTrue(json.contains("k \\\"q\\\""), "quotes in paths are escaped:\n" + json);
    }

    @Test
    void missingFileMeansNoHostsAndBrokenFileSaysHowToRecover(@TempDir Path dir) throws IOException {
        assertEquals(List.of(), LabStateFile.readHosts(dir.resolve("none.json")));
        Path broken = Files.writeString(dir.resolve("lab.json"), "{\"hosts\": 3}");
        LabException e = assertThrows(LabException.class, () -> LabStateFile.readHosts(broken));
        assertTrue(e.getMessage().contains("lab down"), e.getMessage());
    }
}
