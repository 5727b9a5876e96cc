package io.lvsplay.modules.content;

import io.lvsplay.engine.module.ModuleFailure;
import java.io.ByteArrayOutputStream;

/**
 * An archive unarchive can unpack with GNU tar, recognised by its first bytes the way Ansible's
 * handlers recognise theirs by trying them: the handler name (TgzArchive, ...), tar's
 * decompression flag, and either the host path (remote_src) or the controller's bytes for stdin.
 */
record TarArchive(String name, String handler, String flag, String remotePath, byte[] bytes) {

    static TarArchive fromBytes(String name, byte[] bytes) {
        return detect(name, bytes, null, bytes);
    }

    static TarArchive fromHead(String path, byte[] head) {
        return detect(path, head, path, null);
    }

    private static TarArchive detect(String name, byte[] head, String remotePath, byte[] bytes) {
        if (starts(head, 0x50, 0x4b, 0x03, 0x04) || starts(head, 0x50, 0x4b, 0x05, 0x06)) {
            throw new ModuleFailure("lvsplay does not support zip archives in unarchive yet: " + name);
        }
        String[] kind;
        if (starts(head, 0x1f, 0x8b)) {
            kind = new String[] {"TgzArchive", "-z"};
        } else if (starts(head, 'B', 'Z', 'h')) {
            kind = new String[] {"TarBzipArchive", "-j"};
        } else if (starts(head, 0xfd, '7', 'z', 'X', 'Z', 0x00)) {
            kind = new String[] {"TarXzArchive", "-J"};
        } else if (starts(head, 0x28, 0xb5, 0x2f, 0xfd)) {
            kind = new String[] {"TarZstdArchive", "--use-compress-program=zstd"};
        } else {
            kind = new String[] {"TarArchive", ""};
        }
        return new TarArchive(name, kind[0], kind[1], remotePath, bytes);
    }

    private static boolean starts(byte[] data, int... magic) {
        if (data.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((data[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** The bytes of {@code od -An -tx1} output. */
    static byte[] hex(String od) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String word : od.trim().split("\\s+")) {
            if (!word.isEmpty()) {
                out.write(Integer.parseInt(word, 16));
            }
        }
        return out.toByteArray();
    }
}
