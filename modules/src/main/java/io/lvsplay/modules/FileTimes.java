package io.lvsplay.modules;

import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * The file module's modification_time and access_time (with their _format), as Ansible 2.14's
 * file module sets them: "preserve" keeps a time, "now" sets the current time (and so always
 * changes something), anything else is parsed with Python's strptime and read as the host's
 * local time (time.mktime on the host; here `date -d` on the host). Unset means preserve, except
 * for state=touch, where it means now. Times are compared to the nanosecond, as os.stat's floats are.
 */
final class FileTimes {
    private static final String DEFAULT_FORMAT = "%Y%m%d%H%M.%S";
    private static final DateTimeFormatter DATE_D = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** preserve: at == null and !now; now: now; else a local time. */
    private record Spec(boolean now, LocalDateTime at) {
        boolean preserve() {
            return !now && at == null;
        }
    }

    private final Spec mtime;
    private final Spec atime;

    private FileTimes(Spec mtime, Spec atime) {
        this.mtime = mtime;
        this.atime = atime;
    }

    static FileTimes from(ModuleArgs args, String state) {
        return new FileTimes(spec(args.str("modification_time"), args.str("modification_time_format", DEFAULT_FORMAT), state),
                spec(args.str("access_time"), args.str("access_time_format", DEFAULT_FORMAT), state));
    }

    private static Spec spec(String value, String format, String state) {
        String v = value != null ? value : state.equals("touch") ? "now" : "preserve";
        if (v.equals("preserve")) {
            return new Spec(false, null);
        }
        if (v.equals("now")) {
            return new Spec(true, null);
        }
        try {
            return new Spec(false, PythonStrptime.parse(v, format));
        } catch (IllegalArgumentException e) {
            throw new ModuleFailure("Error while obtaining timestamp for time " + v + " using format " + format + ": "
                    + e.getMessage());
        }
    }

    boolean preserveBoth() {
        return mtime.preserve() && atime.preserve();
    }

    boolean nowBoth() {
        return mtime.now() && atime.now();
    }

    /**
     * For a path that exists: the change that sets the times when they differ from the host's
     * (always, for "now"); the previous and new times go into {@code before}/{@code after} as
     * Ansible's diff has them (seconds since the epoch).
     */
    Optional<Change> change(RemoteHost host, String path, Map<String, Object> before, Map<String, Object> after) {
        if (preserveBoth()) {
            return Optional.empty();
        }
        String q = ShellQuote.quote(path);
        ExecResult r = host.run("stat -L -c '%.9Y %.9X' -- " + q + epochCommand(mtime) + epochCommand(atime));
        String[] f = r.stdout().strip().split("\\s+");
        if (!r.ok() || f.length < 2) {
            throw new ModuleFailure("Error while updating modification or access time: " + r.stderr().strip(),
                    Map.of("path", path));
        }
        BigDecimal prevM = new BigDecimal(f[0]);
        BigDecimal prevA = new BigDecimal(f[1]);
        int next = 2;
        BigDecimal nowSeconds = BigDecimal.valueOf(System.currentTimeMillis() / 1000.0);
        BigDecimal wantM = mtime.preserve() ? prevM : mtime.now() ? nowSeconds : new BigDecimal(f[next++]);
        BigDecimal wantA = atime.preserve() ? prevA : atime.now() ? nowSeconds : new BigDecimal(f[next]);
        boolean mDiffers = mtime.now() || wantM.compareTo(prevM) != 0;
        boolean aDiffers = atime.now() || wantA.compareTo(prevA) != 0;
        if (!mDiffers && !aDiffers) {
            return Optional.empty();
        }
        if (mDiffers) {
            before.put("mtime", prevM.doubleValue());
            after.put("mtime", wantM.doubleValue());
        }
        if (aDiffers) {
            before.put("atime", prevA.doubleValue());
            after.put("atime", wantA.doubleValue());
        }
        String cmd = nowBoth() ? "touch -c -- " + q : touchCommand(q, "-m", mtime, wantM) + touchCommand(q, "-a", atime, wantA);
        return Optional.of(FileModule.runOrFail("set times of " + path,
                Diff.of(path + " (times)", times(prevM, prevA), times(wantM, wantA)), cmd.replaceFirst("^ && ", ""),
                "set the times of " + path));
    }

    /** recurse=yes: the times of everything under root (links followed, as os.utime does), when any differs. */
    Optional<Change> recursive(RemoteHost host, String root) {
        if (preserveBoth()) {
            return Optional.empty();
        }
        String q = ShellQuote.quote(root);
        ExecResult r = host.run("echo" + epochValue(mtime) + epochValue(atime) + " && find -L " + q + " -mindepth 1 -printf '%T@ %A@\\n'");
        if (!r.ok()) {
            throw new ModuleFailure("Could not recursively set attributes on " + root + ": " + r.stderr().strip());
        }
        String[] lines = r.stdout().split("\n");
        String[] epochs = lines[0].strip().isEmpty() ? new String[0] : lines[0].strip().split("\\s+");
        int next = 0;
        BigDecimal wantM = mtime.at() == null ? null : new BigDecimal(epochs[next++]);
        BigDecimal wantA = atime.at() == null ? null : new BigDecimal(epochs[next]);
        boolean differs = false;
        for (int i = 1; i < lines.length && !differs; i++) {
            String[] f = lines[i].strip().split("\\s+");
            if (f.length < 2) {
                continue;
            }
            differs = mtime.now() || atime.now()
                    || (wantM != null && wantM.compareTo(new BigDecimal(f[0])) != 0)
                    || (wantA != null && wantA.compareTo(new BigDecimal(f[1])) != 0);
        }
        if (!differs) {
            return Optional.empty();
        }
        String find = "find " + q + " -mindepth 1 -exec touch -c";
        String cmd = nowBoth() ? find + " {} +"
                : (mtime.preserve() ? "" : " && " + find + " -m" + (wantM == null ? "" : " -d @" + wantM.toPlainString()) + " {} +")
                + (atime.preserve() ? "" : " && " + find + " -a" + (wantA == null ? "" : " -d @" + wantA.toPlainString()) + " {} +");
        return Optional.of(FileModule.runOrFail("set times under " + root, null, cmd.replaceFirst("^ && ", ""),
                "set the times under " + root));
    }

    /** For a path this task creates: the shell text (" && touch ...") that then sets the times. */
    String afterCreation(String path) {
        if (preserveBoth() || nowBoth()) {
            return ""; // a path just made already has the current times
        }
        String q = ShellQuote.quote(path);
        return touchAt(q, "-m", mtime) + touchAt(q, "-a", atime);
    }

    private static String touchAt(String q, String which, Spec spec) {
        if (spec.preserve()) {
            return "";
        }
        String when = spec.now() ? "" : " -d @" + epochValue(spec).strip();
        return " && touch -c " + which + when + " -- " + q;
    }

    private static String touchCommand(String q, String which, Spec spec, BigDecimal want) {
        if (spec.preserve()) {
            return "";
        }
        return " && touch -c " + which + (spec.now() ? "" : " -d @" + want.toPlainString()) + " -- " + q;
    }

    private static String epochCommand(Spec spec) {
        return spec.at() == null ? "" : " && date -d " + ShellQuote.quote(DATE_D.format(spec.at())) + " +%s";
    }

    private static String epochValue(Spec spec) {
        return spec.at() == null ? "" : " $(date -d " + ShellQuote.quote(DATE_D.format(spec.at())) + " +%s)";
    }

    private static String times(BigDecimal m, BigDecimal a) {
        return "mtime: " + m.toPlainString() + "\natime: " + a.toPlainString() + "\n";
    }
}
