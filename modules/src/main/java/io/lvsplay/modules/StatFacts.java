package io.lvsplay.modules;

import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of Ansible's stat result that come from stat(2) and access(2), read with one GNU
 * stat call on the host and named as Python's os.stat gives them.
 */
final class StatFacts {
    private static final String FORMAT = "%f|%u|%g|%s|%i|%d|%h|%.9X|%.9Y|%.9Z|%b|%B|%t|%T|%U|%G";
    private static final int S_IFMT = 0170000;

    private StatFacts() {
    }

    /** The stat fields of {@code path}, or null when it does not exist. */
    static Map<String, Object> read(RemoteHost host, String path, boolean follow) {
        return read(host.run(script(path, follow)), path, host.hostName());
    }

    /** The one command that reads {@code path}'s stat fields. */
    static String script(String path, boolean follow) {
        return "p=" + ShellQuote.quote(path) + "; LC_ALL=C stat " + (follow ? "-L " : "") + "-c '" + FORMAT
                + "' -- \"$p\" || exit 3; r=0; w=0; x=0; [ -r \"$p\" ] && r=1; [ -w \"$p\" ] && w=1; "
                + "[ -x \"$p\" ] && x=1; echo \"$r$w$x\"; "
                + "if [ -L \"$p\" ]; then realpath -m -- \"$p\"; readlink -- \"$p\"; fi";
    }

    /** The stat fields {@link #script} printed, or null when the path does not exist. */
    static Map<String, Object> read(ExecResult r, String path, String hostName) {
        if (!r.ok()) {
            if (r.stderr().contains("No such file or directory") || r.stderr().contains("Not a directory")) {
                return null;
            }
            throw new ModuleFailure("cannot stat " + path + " on " + hostName + ": " + r.stderr().strip());
        }
        return parse(path, r.stdout().split("\n", -1));
    }

    static Map<String, Object> parse(String path, String[] lines) {
        String[] f = lines[0].split("\\|", -1);
        int mode = Integer.parseInt(f[0], 16);
        int type = mode & S_IFMT;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exists", true);
        out.put("path", path);
        out.put("mode", String.format("%04o", mode & 07777));
        out.put("isdir", type == 0040000);
        out.put("ischr", type == 0020000);
        out.put("isblk", type == 0060000);
        out.put("isreg", type == 0100000);
        out.put("isfifo", type == 0010000);
        out.put("islnk", type == 0120000);
        out.put("issock", type == 0140000);
        out.put("uid", Integer.parseInt(f[1]));
        out.put("gid", Integer.parseInt(f[2]));
        out.put("size", Long.parseLong(f[3]));
        out.put("inode", Long.parseLong(f[4]));
        out.put("dev", Long.parseLong(f[5]));
        out.put("nlink", Long.parseLong(f[6]));
        out.put("atime", seconds(f[7]));
        out.put("mtime", seconds(f[8]));
        out.put("ctime", seconds(f[9]));
        String[] bits = {"wusr", "rusr", "xusr", "wgrp", "rgrp", "xgrp", "woth", "roth", "xoth", "isuid", "isgid"};
        int[] masks = {0200, 0400, 0100, 020, 040, 010, 02, 04, 01, 04000, 02000};
        for (int i = 0; i < bits.length; i++) {
            out.put(bits[i], (mode & masks[i]) != 0);
        }
        out.put("blocks", Long.parseLong(f[10]));
        out.put("block_size", Long.parseLong(f[11]));
        out.put("device_type", deviceNumber(Long.parseLong(f[12], 16), Long.parseLong(f[13], 16)));
        String access = lines[1];
        out.put("readable", access.charAt(0) == '1');
        out.put("writeable", access.charAt(1) == '1');
        out.put("executable", access.charAt(2) == '1');
        if ((boolean) out.get("islnk") && lines.length > 3) {
            out.put("lnk_source", lines[2]);
            out.put("lnk_target", lines[3]);
        }
        if (!f[14].equals("UNKNOWN")) {
            out.put("pw_name", f[14]);
        }
        if (!f[15].equals("UNKNOWN")) {
            out.put("gr_name", f[15]);
        }
        return out;
    }

    /* Python's float seconds: 1796157281.872434900 -> 1796157281.8724349 */
    private static double seconds(String text) {
        return new BigDecimal(text).doubleValue();
    }

    /* glibc's makedev, which is what os.stat's st_rdev holds */
    static long deviceNumber(long major, long minor) {
        return ((major & 0xfffff000L) << 32) | ((major & 0xfffL) << 8)
                | ((minor & 0xffffff00L) << 12) | (minor & 0xffL);
    }
}
