package io.lvsplay.agent.rules;

import io.lvsplay.agent.config.InvalidConfigException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decoding a config file as UTF-8 text, and keeping echoed input short in error messages. */
public final class TextFile {
    static final int MAX_ECHO = 200;

    private TextFile() {
    }

    /** The file's text; binary content (invalid UTF-8 or a NUL byte) is refused with its byte offset and line. */
    public static String decode(String fileName, byte[] bytes) throws InvalidConfigException {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw notText(fileName, bytes, i, "a NUL byte");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            throw notText(fileName, bytes, in.position(), String.format("byte 0x%02x, which is not UTF-8", bytes[in.position()] & 0xff));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static InvalidConfigException notText(String fileName, byte[] bytes, int offset, String what) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return new InvalidConfigException(fileName, line, "not a text file: " + what + " at byte offset " + offset);
    }

    /** Messages echo the offending input; a 2 MB line must not come back whole. */
    public static String cut(String message) {
        if (message.length() <= MAX_ECHO) {
            return message;
        }
        return message.substring(0, MAX_ECHO) + "... (" + (message.length() - MAX_ECHO) + " more characters cut)";
    }
}
