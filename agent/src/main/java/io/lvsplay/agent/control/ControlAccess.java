package io.lvsplay.agent.control;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;

import jdk.net.UnixDomainPrincipal;

/**
 * Who may use the control socket: root, the agent's own user, and (with {@code control_group}) members of that
 * group by their primary group. The socket file is 0600, or 0660 owned by the group, whatever the umask; the peer's
 * credentials (SO_PEERCRED) are checked on every connection as well, so file modes alone are never trusted.
 */
public record ControlAccess(Optional<String> group) {

    public static ControlAccess ownerOnly() {
        return new ControlAccess(Optional.empty());
    }

    /** Sets mode and group on the freshly bound socket. */
    void protect(Path socket) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(socket, PosixFileAttributeView.class);
        if (group.isPresent()) {
            view.setGroup(lookupGroup(group.get()));
            view.setPermissions(PosixFilePermissions.fromString("rw-rw----"));
        } else {
            view.setPermissions(PosixFilePermissions.fromString("rw-------"));
        }
    }

    static GroupPrincipal lookupGroup(String name) throws IOException {
        try {
            return FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByGroupName(name);
        } catch (IOException e) {
            throw new IOException("control_group '" + name + "' is not a group on this host");
        }
    }

    boolean allows(UnixDomainPrincipal peer, UserPrincipal agentUser) {
        return peer.user().getName().equals("root") || peer.user().equals(agentUser)
                || group.isPresent() && peer.group().getName().equals(group.get());
    }

    String rule() {
        return "only root" + group.map(g -> ", the agent's user or group " + g).orElse(" or the agent's user") + " may use it";
    }
}
