package io.lvsplay.engine.ssh;

import com.jcraft.jsch.Identity;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;

/**
 * "publickey" authentication (RFC 4252 section 7) with a key held by an ssh-agent: the server is
 * asked whether it accepts the key, and only then does the agent sign the request.
 */
final class AuthAgentKey extends AbstractAuthMethod {
    private final Identity key;
    private final String algorithm;

    AuthAgentKey(Identity key) {
        super("publickey");
        this.key = key;
        // an RSA key signs with SHA-512 (rsa-sha2-512): OpenSSH 8.8+ refuses SHA-1 ssh-rsa signatures
        this.algorithm = key.getAlgName().equals("ssh-rsa") ? "rsa-sha2-512" : key.getAlgName();
    }

    @Override
    protected SSHPacket buildReq() throws UserAuthException {
        return request(false);
    }

    @Override
    public void handle(Message cmd, SSHPacket buf) throws UserAuthException, TransportException {
        if (cmd != Message.USERAUTH_60) {
            super.handle(cmd, buf);
            return;
        }
        SSHPacket signed = request(true);
        byte[] data = new Buffer.PlainBuffer().putString(params.getTransport().getSessionID())
                .putBuffer(signed).getCompactData();
        byte[] signature = key.getSignature(data, algorithm);
        if (signature == null) {
            throw new UserAuthException("the ssh-agent refused to sign with key " + key.getName());
        }
        params.getTransport().write(signed.putBytes(signature));
    }

    private SSHPacket request(boolean signed) throws UserAuthException {
        return super.buildReq().putBoolean(signed).putString(algorithm).putBytes(key.getPublicKeyBlob());
    }
}
