package io.lvsplay.engine.transport;

import java.io.IOException;

/** A command on a channel of its own: the way every command ran before persistent shells, and their fallback. */
final class ChannelExec {
    private ChannelExec() {
    }

    static ExecResult run(ShellChannel.Opener opener, String command, byte[] stdin, ExecOptions options, String host) {
        try (ShellChannel channel = opener.open(command)) {
            byte[][] output = StreamExchanges.run(channel.stdin(), channel.stdout(), channel.stderr(),
                    stdin, options, channel::close, host);
            Integer status = channel.awaitExit(10);
            if (status == null) {
                if (!channel.connectionAlive()) {
                    throw new TransportException("lost connection to " + host + " while a command ran");
                }
                String signal = channel.exitSignal() == null ? "no exit status" : "killed by " + channel.exitSignal();
                throw new TransportException("command on " + host + " ended without an exit status (" + signal + ")");
            }
            return new ExecResult(status, output[0], output[1]);
        } catch (IOException e) {
            throw new TransportException("lost connection to " + host + ": " + e.getMessage(), e);
        }
    }
}
