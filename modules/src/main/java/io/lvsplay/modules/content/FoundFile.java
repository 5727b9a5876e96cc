package io.lvsplay.modules.content;

import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One entry of find's {@code files}: the stat fields Ansible's statinfo gives, from find -printf. */
final class FoundFile {
    private FoundFile() {
    }

    static Map<String, Object> fields(String[] f, int i) {
        char kind = f[i].charAt(0);
        int mode = Integer.parseInt(f[i + 5], 8);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("path", f[i + 13]);
        r.put("mode", String.format("%04o", mode & 07777));
        r.put("isdir", kind == 'd');
        r.put("ischr", kind == 'c');
        r.put("isblk", kind == 'b');
        r.put("isreg", kind == 'f');
        r.put("isfifo", kind == 'p');
        r.put("islnk", kind == 'l');
        r.put("issock", kind == 's');
        r.put("uid", Long.parseLong(f[i + 6]));
        r.put("gid", Long.parseLong(f[i + 7]));
        r.put("size", Long.parseLong(f[i + 1]));
        r.put("inode", Long.parseLong(f[i + 11]));
        r.put("dev", Long.parseLong(f[i + 12]));
        r.put("nlink", Long.parseLong(f[i + 10]));
        r.put("atime", Double.parseDouble(f[i + 3]));
        r.put("mtime", Double.parseDouble(f[i + 2]));
        r.put("ctime", Double.parseDouble(f[i + 4]));
        r.put("gr_name", f[i + 9].equals(f[i + 7]) ? "" : f[i + 9]);
        r.put("pw_name", f[i + 8].equals(f[i + 6]) ? "" : f[i + 8]);
        String[] bits = {"rusr", "wusr", "xusr", "rgrp", "wgrp", "xgrp", "roth", "woth", "xoth"};
        for (int b = 0; b < bits.length; b++) {
            r.put(bits[b], (mode & (0400 >> b)) != 0);
        }
        r.put("isuid", (mode & 04000) != 0);
        r.put("isgid", (mode & 02000) != 0);
        return r;
    }

    /** get_checksum: the sha1 of each regular file, in one sha1sum call. */
    static void addChecksums(RemoteHost host, List<Map<String, Object>> files) {
        List<String> regular = files.stream().filter(f -> Boolean.TRUE.equals(f.get("isreg")))
                .map(f -> (String) f.get("path")).toList();
        if (regular.isEmpty()) {
            return;
        }
        Map<String, String> sums = new LinkedHashMap<>();
        for (String line : host.run("sha1sum -- " + ShellQuote.join(regular)).stdout().split("\n")) {
            int sp = line.indexOf("  ");
            if (sp == 40) {
                sums.put(line.substring(42), line.substring(0, 40));
            }
        }
        files.stream().filter(f -> sums.containsKey(f.get("path"))).forEach(f -> f.put("checksum", sums.get(f.get("path"))));
    }
}
