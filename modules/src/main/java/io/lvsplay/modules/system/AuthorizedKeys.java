package io.lvsplay.modules.system;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An authorized_keys file as lines: key lines parsed into options, type, blob and comment (the
 * blob identifies a key, as in Ansible's authorized_key), other lines (comments, blanks) kept.
 */
final class AuthorizedKeys {
    private static final Pattern TYPE = Pattern.compile(
            "(?:^|\\s)((?:sk-)?(?:ssh|ecdsa)-[a-z0-9@.-]+)\\s+([A-Za-z0-9+/=]+)(?:\\s+(.*))?$");

    /** One key: options text (or null), type, base64 blob, comment (or null). */
    record Key(String options, String type, String blob, String comment) {
        String line() {
            return (options == null || options.isEmpty() ? "" : options + " ") + type + " " + blob
                    + (comment == null || comment.isEmpty() ? "" : " " + comment);
        }
    }

    private final List<String> lines = new ArrayList<>();

    AuthorizedKeys(String text) {
        for (String l : text.split("\n")) {
            if (!l.isEmpty()) {
                lines.add(l);
            }
        }
    }

    /** Parses one line; null for comments, blanks and lines that hold no key. */
    static Key parse(String line) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
            return null;
        }
        Matcher m = TYPE.matcher(l);
        if (!m.find()) {
            return null;
        }
        String options = l.substring(0, m.start(1)).strip();
        return new Key(options.isEmpty() ? null : options, m.group(1), m.group(2), m.group(3) == null ? null : m.group(3).strip());
    }

    int indexOf(String blob) {
        for (int i = 0; i < lines.size(); i++) {
            Key k = parse(lines.get(i));
            if (k != null && k.blob().equals(blob)) {
                return i;
            }
        }
        return -1;
    }

    Key get(int index) {
        return parse(lines.get(index));
    }

    /** Replaces the key with the same blob where it is, or appends it. */
    void put(Key key) {
        int at = indexOf(key.blob());
        if (at >= 0) {
            lines.set(at, key.line());
        } else {
            lines.add(key.line());
        }
    }

    void remove(String blob) {
        lines.removeIf(l -> {
            Key k = parse(l);
            return k != null && k.blob().equals(blob);
        });
    }

    /** exclusive: every key line not among {@code blobs} goes. */
    void keepOnly(List<String> blobs) {
        lines.removeIf(l -> {
            Key k = parse(l);
            return k != null && !blobs.contains(k.blob());
        });
    }

    String render() {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
