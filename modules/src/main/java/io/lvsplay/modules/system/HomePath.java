package io.lvsplay.modules.system;

import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.modules.support.HostCommand;

/** A path argument's leading ~ expanded on the host, as the module's own os.path.expanduser does. */
final class HomePath {
    private HomePath() {
    }

    static String expand(RemoteHost host, String path) {
        if (!path.equals("~") && !path.startsWith("~/")) {
            return path;
        }
        String home = HostCommand.query(host, "printf '%s' ~", "find the home directory").strip();
        return home + path.substring(1);
    }
}
