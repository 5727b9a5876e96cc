package io.lvsplay.engine.config;

import java.util.Set;

/** ansible.cfg options that only tune how Ansible drives the OpenSSH client (pipelining, ControlPersist, ...). */
final class OpenSshOptions {
    private static final Set<String> SSH_CONNECTION = Set.of("pipelining", "ssh_args", "control_path",
            "control_path_dir", "scp_if_ssh", "transfer_method", "sftp_batch_mode", "ssh_executable",
            "scp_executable", "sftp_executable", "usetty", "retries", "ssh_common_args", "ssh_extra_args");
    private static final Set<String> DEFAULTS = Set.of("pipelining", "transport");

    private OpenSshOptions() {
    }

    static boolean covers(String section, String key) {
        return section.equals("ssh_connection") && SSH_CONNECTION.contains(key)
                || section.equals("connection") && key.equals("pipelining")
                || section.equals("defaults") && DEFAULTS.contains(key);
    }
}
