package io.lvsplay.engine.output;

import io.lvsplay.engine.exec.HostStats;
import io.lvsplay.engine.exec.RunListener;
import io.lvsplay.engine.exec.TaskResult;
import io.lvsplay.engine.playbook.Play;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** --json: one JSON document at the end (like Ansible's json callback), for CI to parse. */
public final class JsonOutput implements RunListener {
    private final PrintStream out;
    private final SecretRedactor redactor;
    private final List<Map<String, Object>> plays = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private Map<String, Object> currentTask;

    public JsonOutput(PrintStream out, SecretRedactor redactor) {
        this.out = out;
        this.redactor = redactor;
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
    public synchronized void playStarted(Play play, List<String> hosts) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("play", Map.of("name", play.title(), "hosts", hosts));
        p.put("tasks", new ArrayList<>());
        plays.add(p);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void taskStarted(String title, boolean handler) {
        currentTask = new LinkedHashMap<>();
        currentTask.put("task", Map.of("name", title, "handler", handler));
        currentTask.put("hosts", new LinkedHashMap<String, Object>());
        ((List<Object>) plays.get(plays.size() - 1).get("tasks")).add(currentTask);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void hostResult(TaskResult result) {
        if (currentTask == null) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>(result.noLog() ? Map.of("censored", "no_log") : result.registered());
        data.put("status", result.status().name().toLowerCase());
        if (result.ignored()) {
            data.put("ignored", true);
        }
        ((Map<String, Object>) currentTask.get("hosts")).put(result.host(), data);
    }

    @Override
    public synchronized void warning(String message) {
        warnings.add(message);
    }

    @Override
    public void noHostsLeft() {
    }

    @Override
    public synchronized void recap(Map<String, HostStats> stats) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("plays", plays);
        Map<String, Object> s = new LinkedHashMap<>();
        stats.forEach((h, st) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ok", st.ok);
            m.put("changed", st.changed);
            m.put("unreachable", st.unreachable);
            m.put("failures", st.failed);
            m.put("skipped", st.skipped);
            m.put("rescued", st.rescued);
            m.put("ignored", st.ignored);
            s.put(h, m);
        });
        doc.put("stats", s);
        doc.put("warnings", warnings);
        out.println(redactor.redact(JsonText.pretty(doc)));
        out.flush();
    }
}
