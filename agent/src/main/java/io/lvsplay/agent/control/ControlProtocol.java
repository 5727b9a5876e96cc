package io.lvsplay.agent.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The control socket's wire format: the client sends the command words separated by tabs and a newline, then
 * half-closes; the agent answers with the exit code on the first line and the output after it.
 */
final class ControlProtocol {
    private static final int MAX_REQUEST = 64 * 1024;

    private ControlProtocol() {
    }

    static byte[] encodeRequest(List<String> words) {
        for (String w : words) {
            if (w.indexOf('\t') >= 0 || w.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("command word must not contain tab or newline: '" + w + "'");
            }
        }
        return (String.join("\t", words) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static List<String> decodeRequest(String line) {
        return Arrays.asList(line.strip().split("\t"));
    }

    static byte[] encodeReply(ControlReply reply) {
        return (reply.exitCode() + "\n" + reply.body()).getBytes(StandardCharsets.UTF_8);
    }

    static ControlReply decodeReply(String text) {
        int nl = text.indexOf('\n');
        if (nl < 0 || !text.substring(0, nl).matches("\\d+")) {
            return ControlReply.error("malformed reply from agent: '" + text + "'");
        }
        return new ControlReply(Integer.parseInt(text.substring(0, nl)), text.substring(nl + 1));
    }

    static String readAll(SocketChannel ch, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        while (ch.read(buf) >= 0) {
            buf.flip();
            out.write(buf.array(), 0, buf.limit());
            buf.clear();
            if (out.size() > limit) {
                throw new IOException("control message larger than " + limit + " bytes");
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static int maxRequest() {
        return MAX_REQUEST;
    }

    static void writeAll(SocketChannel ch, byte[] bytes) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}
