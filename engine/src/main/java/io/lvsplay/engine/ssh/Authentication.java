package io.lvsplay.engine.ssh;

import com.jcraft.jsch.Identity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.password.PasswordUtils;

/** Authenticates as ssh does: the agent's keys, then key files, then the password. */
final class Authentication {
    private Authentication() {
    }

    static void authenticate(SSHClient client, String user, SshTarget target, boolean passwordAllowed)
            throws IOException {
        List<AuthMethod> methods = new ArrayList<>();
        if (target.agentSocket() != null) {
            for (Identity key : AgentKeys.list(target.agentSocket())) {
                methods.add(new AuthAgentKey(key));
            }
        }
        for (Path file : keyFiles(target)) {
            KeyProvider key = target.keyPassphrase() == null ? client.loadKeys(file.toString(), new PassphrasePrompt())
                    : client.loadKeys(file.toString(), PasswordUtils.createOneOff(target.keyPassphrase().toCharArray()));
            methods.add(new AuthPublickey(key));
        }
        UserAuthException keyFailure = null;
        if (!methods.isEmpty()) {
            try {
                client.auth(user, methods);
                return;
            } catch (UserAuthException e) {
                keyFailure = e;
            }
        }
        if (target.password() != null && !passwordAllowed) {
            throw new UserAuthException("password authentication is disabled because the host key changed");
        }
        if (target.password() != null) {
            client.authPassword(user, target.password().toCharArray());
            return;
        }
        throw keyFailure != null ? keyFailure : new UserAuthException("no key file, no ssh-agent key and no password to try");
    }

    /** The configured key files; ssh's default ~/.ssh/id_* only when none is configured. */
    private static Set<Path> keyFiles(SshTarget target) throws UserAuthException {
        Set<Path> files = new LinkedHashSet<>();
        if (target.privateKey() != null) {
            if (!Files.isReadable(target.privateKey())) {
                throw new UserAuthException("private key file " + target.privateKey() + " is not readable");
            }
            files.add(target.privateKey());
        }
        for (Path more : target.moreKeys()) {
            // ssh skips a configured IdentityFile that does not exist
            if (Files.isReadable(more)) {
                files.add(more);
            }
        }
        if (target.privateKey() == null && target.moreKeys().isEmpty()) {
            Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
            for (String name : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
                if (Files.isReadable(ssh.resolve(name))) {
                    files.add(ssh.resolve(name));
                }
            }
        }
        return files;
    }

    static String tried(SshTarget target) {
        List<String> tried = new ArrayList<>();
        if (target.agentSocket() != null) {
            tried.add("ssh-agent keys");
        }
        if (target.privateKey() != null) {
            tried.add(target.privateKey().toString());
        }
        target.moreKeys().forEach(k -> tried.add(k.toString()));
        if (target.privateKey() == null && target.moreKeys().isEmpty()) {
            tried.add("default keys in ~/.ssh");
        }
        if (target.password() != null) {
            tried.add("password");
        }
        return String.join(", ", tried);
    }
}
