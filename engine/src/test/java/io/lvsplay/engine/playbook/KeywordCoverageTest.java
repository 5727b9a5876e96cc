package io.lvsplay.engine.playbook;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every keyword of Ansible 2.14's Play, Block, Task, Handler, Role entry and LoopControl (the
 * FieldAttributes of lib/ansible/playbook/{base,play,block,task,handler,conditional,taggable,
 * collectionsearch,loop_control,role/__init__}.py on stable-2.14) is either implemented, so a playbook
 * using it loads, or refused at load time with "lvsplay does not support": none is accepted and ignored.
 * A sample value is given per keyword; some keywords are implemented for some values only.
 */
class KeywordCoverageTest {
    private static final List<String> BASE = List.of("name", "connection", "port", "remote_user", "vars",
            "module_defaults", "environment", "no_log", "run_once", "ignore_errors", "ignore_unreachable",
            "check_mode", "diff", "any_errors_fatal", "throttle", "timeout", "debugger", "become", "become_method",
            "become_user", "become_flags", "become_exe");
    private static final List<String> PLAY = List.of("hosts", "gather_facts", "gather_subset", "gather_timeout",
            "fact_path", "vars_files", "vars_prompt", "roles", "handlers", "pre_tasks", "post_tasks", "tasks",
            "force_handlers", "max_fail_percentage", "serial", "strategy", "order", "tags", "collections");
    private static final List<String> BLOCK = List.of("block", "rescue", "always", "notify", "delegate_to",
            "delegate_facts", "when", "tags", "collections");
    private static final List<String> TASK = List.of("args", "action", "async", "changed_when", "delay",
            "delegate_to", "delegate_facts", "failed_when", "loop", "loop_control", "notify", "poll", "register",
            "retries", "until", "with_items", "when", "tags", "collections");
    private static final List<String> ROLE = List.of("role", "delegate_to", "delegate_facts", "when", "tags",
            "collections");
    private static final List<String> LOOP_CONTROL = List.of("loop_var", "index_var", "label", "pause", "extended",
            "extended_allitems");

    /** Sample values, several where lvsplay implements some values of a keyword and refuses others. */
    private static final Map<String, List<String>> SAMPLES = new LinkedHashMap<>();

    static {
        sample("name", "n");
        sample("connection", "local", "paramiko");
        sample("port", "2222");
        sample("remote_user", "bob");
        sample("vars", "{a: 1}");
        sample("module_defaults", "{}");
        sample("environment", "{A: b}");
        for (String flag : List.of("no_log", "run_once", "ignore_errors", "ignore_unreachable", "check_mode", "diff",
                "any_errors_fatal", "become", "gather_facts", "force_handlers")) {
            sample(flag, "true", "'{{ x }}'");
        }
        sample("delegate_facts", "true", "'{{ x }}'");
        sample("throttle", "2");
        sample("timeout", "5");
        sample("debugger", "never", "on_failed");
        sample("become_method", "sudo", "su");
        sample("become_user", "bob");
        sample("become_flags", "-H");
        sample("become_exe", "sudo");
        sample("hosts", "all");
        sample("gather_subset", "min");
        sample("gather_timeout", "5");
        sample("fact_path", "/x");
        sample("vars_files", "[]");
        sample("vars_prompt", "[{name: x, prompt: x, default: d}]");
        sample("roles", "[]");
        for (String list : List.of("handlers", "pre_tasks", "post_tasks", "tasks", "block", "rescue", "always")) {
            sample(list, "[{debug: {msg: x}}]");
        }
        sample("max_fail_percentage", "10");
        sample("serial", "1");
        sample("strategy", "free");
        sample("order", "sorted");
        sample("tags", "[a]");
        sample("collections", "[community.general]");
        sample("notify", "h");
        sample("delegate_to", "localhost");
        sample("when", "x");
        sample("args", "{msg: x}");
        sample("action", "debug");
        sample("async", "10");
        sample("changed_when", "false");
        sample("delay", "1");
        sample("failed_when", "false");
        sample("loop", "[1]");
        sample("loop_control", "{loop_var: i}");
        sample("poll", "0");
        sample("register", "r");
        sample("retries", "2");
        sample("until", "true");
        sample("with_items", "[1]");
        sample("listen", "t");
        sample("loop_var", "i");
        sample("index_var", "n");
        sample("label", "l");
        sample("pause", "0.1");
        sample("extended", "true");
        sample("extended_allitems", "false");
    }

    /** What lvsplay does not implement: each must be refused (keyword, or keyword: value). */
    private static final Set<String> NOT_IMPLEMENTED = Set.of("connection: paramiko", "port", "module_defaults",
            "play timeout", "block timeout", "debugger: on_failed", "become_method: su", "become_flags", "become_exe", "gather_subset",
            "gather_timeout", "fact_path", "delegate_facts", "task remote_user", "block remote_user",
            "role connection", "role port", "role remote_user", "role module_defaults", "role environment",
            "role no_log", "role run_once", "role ignore_errors", "role ignore_unreachable", "role check_mode",
            "role diff", "role any_errors_fatal", "role throttle", "role timeout", "role debugger",
            "role become_method", "role become_flags", "role become_exe", "role collections", "role delegate_to",
            "role delegate_facts");

    @TempDir
    Path dir;

    @Test
    void everyPlayKeywordIsImplementedOrRefused() throws Exception {
        for (String key : concat(BASE, PLAY)) {
            for (String value : samples(key)) {
                String play = key.equals("hosts") ? "- hosts: " + value + "\n" : "- hosts: all\n  " + key + ": " + value + "\n";
                expect("play", key, value, play);
            }
        }
    }

    @Test
    void everyBlockKeywordIsImplementedOrRefused() throws Exception {
        for (String key : concat(BASE, BLOCK)) {
            for (String value : samples(key)) {
                String block = BLOCK.subList(0, 3).contains(key) ? "" : "      " + key + ": " + value + "\n";
                expect("block", key, value, "- hosts: all\n  tasks:\n    - block:\n        - debug: {msg: x}\n"
                        + block + "  handlers:\n    - {name: h, debug: {msg: x}}\n");
            }
        }
    }

    @Test
    void everyTaskAndHandlerKeywordIsImplementedOrRefused() throws Exception {
        for (String key : concat(BASE, TASK)) {
            for (String value : samples(key)) {
                String module = key.equals("action") ? "" : key.equals("args") ? "      debug:\n" : "      debug: {msg: x}\n";
                String args = key.equals("action") ? "      args: {msg: x}\n" : "";
                String first = key.equals("name") ? "    - name: " + value + "\n" : "    - name: t\n";
                String own = key.equals("name") ? "" : "      " + key + ": " + value + "\n";
                expect("task", key, value, "- hosts: all\n  tasks:\n" + first + module + args + own
                        + "  handlers:\n    - {name: h, debug: {msg: x}}\n");
            }
        }
        for (String value : samples("listen")) {
            expect("handler", "listen", value, "- hosts: all\n  handlers:\n    - name: h\n      debug: {msg: x}\n"
                    + "      listen: " + value + "\n");
        }
    }

    @Test
    void everyLoopControlKeyIsImplementedOrRefused() throws Exception {
        for (String key : LOOP_CONTROL) {
            for (String value : samples(key)) {
                expect("loop_control", key, value, "- hosts: all\n  tasks:\n    - debug: {msg: x}\n      loop: [1]\n"
                        + "      loop_control:\n        " + key + ": " + value + "\n");
            }
        }
    }

    @Test
    void everyRoleEntryKeywordIsImplementedOrRefused() throws Exception {
        Path role = dir.resolve("roles/r/tasks");
        Files.createDirectories(role);
        Files.writeString(role.resolve("main.yml"), "- debug: {msg: x}\n");
        for (String key : concat(BASE, ROLE)) {
            if (key.equals("role") || key.equals("name")) {
                continue;
            }
            for (String value : samples(key)) {
                expect("role", key, value, "- hosts: all\n  roles:\n    - role: r\n      " + key + ": " + value + "\n");
            }
        }
    }

    @Test
    void includeRoleArgumentsAreImplementedOrRefused() throws Exception {
        Path role = dir.resolve("roles/r/tasks");
        Files.createDirectories(role);
        Files.writeString(role.resolve("main.yml"), "- debug: {msg: x}\n");
        for (String arg : List.of("public: true", "allow_duplicates: true", "rolespec_validate: false",
                "tasks_from: main")) {
            expect("include_role", arg, "", "- hosts: all\n  tasks:\n    - include_role:\n        name: r\n        "
                    + arg + "\n");
        }
        for (String arg : List.of("allow_duplicates: false", "apply: {tags: [a]}")) {
            Files.writeString(dir.resolve("site.yml"), "- hosts: all\n  tasks:\n    - include_role:\n        name: r\n"
                    + "        " + arg + "\n");
            PlaybookError e = assertThrows(PlaybookError.class,
                    () -> new PlaybookLoader(FakeModules.registry()).load(dir.resolve("site.yml")), arg);
            assertTrue(e.getMessage().contains("lvsplay does not support"), arg + ": " + e.getMessage());
        }
    }

    private void expect(String level, String key, String value, String yaml) throws Exception {
        Path file = dir.resolve("site.yml");
        Files.writeString(file, yaml);
        boolean refused = NOT_IMPLEMENTED.contains(key) || NOT_IMPLEMENTED.contains(key + ": " + value)
                || NOT_IMPLEMENTED.contains(level + " " + key);
        String what = level + " keyword '" + key + ": " + value + "'";
        if (refused) {
            PlaybookError e = assertThrows(PlaybookError.class,
                    () -> new PlaybookLoader(FakeModules.registry()).load(file), what + " must be refused");
            assertTrue(e.getMessage().contains("lvsplay does not support"), what + ": " + e.getMessage());
        } else {
            try {
                new PlaybookLoader(FakeModules.registry()).load(file);
            } catch (PlaybookError e) {
                fail(what + " is implemented but did not load: " + e.getMessage());
            }
        }
    }

    private static void sample(String key, String... values) {
        SAMPLES.put(key, List.of(values));
    }

    private static List<String> samples(String key) {
        List<String> values = SAMPLES.get(key);
        if (values == null) {
            throw new IllegalStateException("no sample value for " + key);
        }
        return values;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(k -> !all.contains(k)).forEach(all::add);
        return all;
    }
}
