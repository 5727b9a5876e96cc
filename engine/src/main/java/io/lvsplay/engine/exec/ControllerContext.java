package io.lvsplay.engine.exec;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the controller's surroundings contribute to a run, read once by the CLI so that the engine
 * reads no environment of its own: variables the tool provides (lvsplay_agent_jar: the engine
 * knows nothing of the agent; an inventory value wins), the passphrase of an encrypted key
 * (LVSPLAY_KEY_PASSPHRASE), the ssh-agent socket (SSH_AUTH_SOCK, null when none) and the
 * controller's python3 on PATH (ansible_playbook_python: lvsplay has no Python of its own; null when none).
 */
public record ControllerContext(Map<String, Object> providedVars, String keyPassphrase, Path agentSocket,
                                String playbookPython) {
    public ControllerContext {
        providedVars = Map.copyOf(providedVars);
    }

    public static ControllerContext none() {
        return new ControllerContext(Map.of(), null, null, null);
    }
}
