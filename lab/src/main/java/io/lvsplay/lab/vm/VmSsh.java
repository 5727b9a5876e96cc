package io.lvsplay.lab.vm;

import io.lvsplay.lab.SshKeyPair;
import java.nio.file.Path;
import java.util.List;

/** The OpenSSH client settings of a VM lab: its key and its known_hosts, checked strictly. */
record VmSsh(SshKeyPair key, Path knownHosts) {

    String publicKeyLine() {
        return key.publicKeyLine();
    }

    List<String> command(String address, String remoteCommand) {
        return List.of("ssh", "-i", key.privateKey().toString(),
                "-o", "UserKnownHostsFile=" + knownHosts, "-o", "StrictHostKeyChecking=yes",
                "-o", "BatchMode=yes", "-o", "ConnectTimeout=10", "-o", "LogLevel=ERROR",
                "root@" + address, remoteCommand);
    }
}
