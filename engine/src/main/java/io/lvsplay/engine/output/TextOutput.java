package io.lvsplay.engine.output;

import io.lvsplay.engine.exec.HostStats;
import io.lvsplay.engine.exec.RunListener;
import io.lvsplay.engine.exec.TaskResult;
import io.lvsplay.engine.exec.TaskStatus;
import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.playbook.Play;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ansible-playbook's default output: PLAY / TASK banners, per-host lines, --diff, PLAY RECAP. */
public final class TextOutput implements RunListener {
    private static final int WIDTH = 79;
    private static final String NO_LOG = "the output has been hidden due to the fact that 'no_log: true' was specified for this result";
    /** ansible-playbook wraps warnings at 80 columns when stdout is not a terminal. */
    private static final int WARNING_WIDTH = 80;
    private final PrintStream out;
    private final PrintStream err;
    private final int verbosity;
    private final SecretRedactor redactor;
    private final java.util.Set<String> warned = new java.util.HashSet<>();

    public TextOutput(PrintStream out, int verbosity, SecretRedactor redactor) {
        this(out, System.err, verbosity, redactor);
    }

    /** Warnings go to {@code err}, as ansible-playbook prints them on stderr. */
    public TextOutput(PrintStream out, PrintStream err, int verbosity, SecretRedactor redactor) {
        this.out = out;
        this.err = err;
        this.verbosity = verbosity;
        this.redactor = redactor;
    }

    private void banner(String text) {
        int stars = Math.max(3, WIDTH - text.length());
        print("\n" + text + " " + "*".repeat(stars));
    }

    private synchronized void print(String text) {
        out.println(redactor.redact(text));
        out.flush();
    }

    @Override
    public void fileContent(byte[] content, boolean noLog) {
        redactor.learnContent(content, noLog);
    }

    @Override
    public void factsSet(Map<String, Object> asWritten, Map<String, ?> facts, Map<String, Object> vars) {
        redactor.learnFacts(asWritten, facts, vars);
    }

    @Override
    public void playStarted(Play play, List<String> hosts) {
        banner("PLAY [" + play.title() + "]");
    }

    @Override
    public synchronized void taskStarted(String title, boolean handler) {
        // Ansible dedups warnings per process, and a task's warnings come from its worker process
        warned.clear();
        banner((handler ? "RUNNING HANDLER [" : "TASK [") + title + "]");
    }

    @Override
    public void hostResult(TaskResult result) {
        if (!result.items().isEmpty()) {
            result.items().forEach(this::line);
            printDiffs(result.diffs());
            if (result.status() == TaskStatus.FAILED) {
                print("fatal: [" + result.host() + "]: FAILED! => " + JsonText.pretty(visible(result)));
                if (result.ignored()) {
                    print("...ignoring");
                }
            }
            return;
        }
        printDiffs(result.diffs());
        line(result);
    }

    private void line(TaskResult r) {
        String host = r.delegatedTo() != null && !r.delegatedTo().equals(r.host())
                ? r.host() + " -> " + r.delegatedTo() : r.host();
        // a no_log item is never shown, not even its label: ansible-playbook 2.14 prints (item=None)
        String label = r.itemLabel() == null ? null : r.noLog() ? "None" : r.itemLabel();
        String item = label == null ? "" : " => (item=" + label + ")";
        switch (r.status()) {
            case OK, CHANGED -> {
                String head = (r.status() == TaskStatus.CHANGED ? "changed" : "ok") + ": [" + host + "]" + item;
                if (r.shown() || verboseAlways(r) || verbosity > 0) {
                    print(head + " => " + dump(r, displayed(r)));
                } else {
                    print(head);
                }
            }
            case SKIPPED -> print("skipping: [" + host + "]" + item
                    + (verbosity > 0 ? " => " + dump(r, visible(r)) : ""));
            case UNREACHABLE -> print("fatal: [" + host + "]: UNREACHABLE! => " + JsonText.compactSorted(unreachableData(r)));
            case FAILED -> {
                String prefix = label != null ? "failed: [" + host + "]" + " (item=" + label + ")"
                        : "fatal: [" + host + "]: FAILED!";
                print(prefix + " => " + dump(r, visible(r)));
                if (r.ignored() && r.itemLabel() == null) {
                    print("...ignoring");
                }
            }
        }
    }

    /** As Ansible's _dump_results: sorted keys, indented when the module asks for it (debug, assert) or with -vvv. */
    private String dump(TaskResult r, Map<String, Object> data) {
        return r.shown() || verboseAlways(r) || verbosity > 2 ? JsonText.prettySorted(data) : JsonText.compactSorted(data);
    }

    /** A module that wants its result seen even without -v (assert unless quiet), as Ansible's flag says. */
    private static boolean verboseAlways(TaskResult r) {
        return Boolean.TRUE.equals(r.data().get(TaskResult.VERBOSE_ALWAYS));
    }

    /**
     * What an ok result shows; for debug as Ansible's _clean_results: its msg alone, or the variable
     * without the status flags.
     */
    private Map<String, Object> displayed(TaskResult r) {
        Map<String, Object> data = visible(r);
        if (!r.shown() || r.noLog()) {
            return data;
        }
        if (data.containsKey("msg")) {
            data.keySet().retainAll(java.util.Set.of("msg", "exception", "warnings", "deprecations"));
        } else {
            data.keySet().removeAll(java.util.Set.of("changed", "failed", "skipped", "invocation", "skip_reason"));
        }
        return data;
    }

    private Map<String, Object> visible(TaskResult r) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (r.noLog()) {
            data.put("censored", NO_LOG);
            data.put("changed", r.changed());
            return data;
        }
        data.put("changed", r.changed());
        data.putAll(r.data());
        // the result's private flags (_ansible_verbose_always ...) are never shown, as in Ansible
        data.keySet().removeIf(key -> key.startsWith("_ansible_"));
        return data;
    }

    private static Map<String, Object> unreachableData(TaskResult r) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("changed", false);
        data.put("msg", r.msg());
        data.put("unreachable", true);
        return data;
    }

    private void printDiffs(List<Diff> diffs) {
        for (Diff d : diffs) {
            if (d.secret()) {
                print("--- before: " + d.label() + "\n+++ after: " + d.label()
                        + "\n(diff hidden: it contains secrets)");
                continue;
            }
            if (d.before() != null && d.before().equals(d.after())) {
                continue;
            }
            // Ansible's default callback ends every diff with an empty line
            print(UnifiedDiff.of(d.label(), d.before(), d.after()));
        }
    }

    /** Each distinct warning once per task, wrapped as Ansible's Display.warning does. */
    @Override
    public synchronized void warning(String message) {
        String text = String.join("\n", TextWrap.wrap("[WARNING]: " + redactor.redact(message), WARNING_WIDTH));
        if (warned.add(text)) {
            out.flush();
            err.println(text);
            err.flush();
        }
    }

    @Override
    public void meta(String message) {
        if (verbosity >= 2) {
            print("META: " + message);
        }
    }

    @Override
    public void retrying(TaskResult result, String task, int retriesLeft) {
        print("FAILED - RETRYING: [" + result.host() + "]: " + task + " (" + retriesLeft + " retries left).");
    }

    @Override
    public void commands(String host, boolean check, List<String> commands) {
        StringBuilder text = new StringBuilder(check ? "would run" : "running").append(" on [").append(host).append("]:");
        commands.forEach(c -> text.append("\n  ").append(c.replace("\n", "\n    ")));
        print(text.toString());
    }

    @Override
    public void noHostsLeft() {
        print("\nNO MORE HOSTS LEFT " + "*".repeat(WIDTH - 19));
    }

    @Override
    public void recap(Map<String, HostStats> stats) {
        banner("PLAY RECAP");
        for (Map.Entry<String, HostStats> e : stats.entrySet()) {
            HostStats s = e.getValue();
            print(String.format("%-26s : %s %s %s %s %s %s %s", e.getKey(), count("ok", s.ok),
                    count("changed", s.changed), count("unreachable", s.unreachable), count("failed", s.failed),
                    count("skipped", s.skipped), count("rescued", s.rescued), count("ignored", s.ignored)));
        }
        print("");
    }

    private static String count(String label, int n) {
        return String.format("%s=%-4d", label, n);
    }
}
