package io.lvsplay.engine.check;

import io.lvsplay.engine.inventory.Inventory;
import io.lvsplay.engine.playbook.Block;
import io.lvsplay.engine.playbook.FailureHandling;
import io.lvsplay.engine.playbook.FileSearch;
import io.lvsplay.engine.playbook.IncludeTasks;
import io.lvsplay.engine.playbook.Play;
import io.lvsplay.engine.playbook.Playbook;
import io.lvsplay.engine.playbook.PlaybookError;
import io.lvsplay.engine.playbook.Task;
import io.lvsplay.engine.playbook.TaskItem;
import io.lvsplay.engine.playbook.VariableReferences;
import io.lvsplay.engine.template.TemplateError;
import io.lvsplay.engine.template.TemplateOptions;
import io.lvsplay.engine.template.Templar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks made before any host is contacted: every variable a task uses must be defined somewhere
 * (inventory, play vars, vars_files, roles, -e, register, set_fact, loop variables, facts, magic
 * variables). A name no host could ever have is an error with the task's file:line.
 */
public final class StaticChecks {
    private static final Set<String> MAGIC = Set.of("inventory_hostname", "inventory_hostname_short", "groups",
            "group_names", "hostvars", "play_hosts", "ansible_play_hosts", "ansible_play_batch",
            "ansible_play_hosts_all", "ansible_play_name", "playbook_dir", "role_path", "role_name",
            "ansible_check_mode", "ansible_diff_mode", "ansible_run_tags", "ansible_skip_tags", "ansible_version",
            "omit", "item", "ansible_loop", "ansible_loop_var", "ansible_facts", "environment", "lookup", "query",
            "q", "range", "dict", "namespace", "loop", "lvsplay_agent_jar", "ansible_forks", "ansible_verbosity",
            "role_names", "ansible_role_names", "ansible_play_role_names", "ansible_dependent_role_names", "true", "false", "none", "True", "False", "None");
    private final Templar templar;
    private final Inventory inventory;
    private final Map<String, Object> extraVars;
    /** Names defined other than by play vars (a task's vars, set_fact, register, inventory, ...). */
    private Set<String> definedElsewhere = Set.of();

    public StaticChecks(Templar templar, Inventory inventory, Map<String, Object> extraVars) {
        this.templar = templar;
        this.inventory = inventory;
        this.extraVars = extraVars;
    }

    public void check(List<Playbook> playbooks) {
        Set<String> known = defined(playbooks, true);
        definedElsewhere = defined(playbooks, false);
        for (Playbook playbook : playbooks) {
            for (Play play : playbook.plays()) {
                if (!play.varsFiles().stream().allMatch(f -> !String.valueOf(f).contains("{{"))) {
                    // names may come from a file chosen at run time; the syntax is known now
                    List.of(play.preTasks(), play.tasks(), play.postTasks(), play.handlers()).forEach(this::checkSyntaxOnly);
                    continue;
                }
                for (List<TaskItem> section : List.of(play.preTasks(), play.tasks(), play.postTasks(), play.handlers())) {
                    checkItems(section, known, play, FailureHandling.ignoresErrors(play.options()));
                }
            }
        }
    }

    /** Every name some host could have; {@code withPlayVars} false: all but play vars. */
    private Set<String> defined(List<Playbook> playbooks, boolean withPlayVars) {
        Set<String> known = new HashSet<>(MAGIC);
        known.addAll(extraVars.keySet());
        // the implicit localhost has the host_vars/localhost files too (beside inventory or playbook)
        for (String host : inventory.hostNamesWithImplicitLocalhost()) {
            known.addAll(inventory.varsOf(host).keySet());
        }
        for (Playbook playbook : playbooks) {
            for (Play play : playbook.plays()) {
                if (withPlayVars) {
                    known.addAll(play.vars().keySet());
                }
                known.addAll(play.varsFromFiles().keySet());
                known.addAll(play.roleDefaults().keySet());
                known.addAll(play.roleVars().keySet());
                play.roles().forEach(r -> known.addAll(r.params().keySet()));
                for (List<TaskItem> section : List.of(play.preTasks(), play.tasks(), play.postTasks(), play.handlers())) {
                    collectDefined(section, known);
                }
            }
        }
        return known;
    }

    private void collectDefined(List<TaskItem> items, Set<String> known) {
        for (TaskItem item : items) {
            known.addAll(item.vars().keySet());
            if (item instanceof Task t) {
                if (t.register() != null) {
                    known.add(t.register());
                }
                known.add(t.loopVar());
                if (t.loopIndexVar() != null) {
                    known.add(t.loopIndexVar());
                }
                if (t.module().equals("set_fact")) {
                    known.addAll(t.args().keySet());
                }
                if (t.module().equals("include_vars")) {
                    known.add("*");
                }
            } else if (item instanceof Block b) {
                collectDefined(b.block(), known);
                collectDefined(b.rescue(), known);
                collectDefined(b.always(), known);
            } else if (item instanceof IncludeTasks inc) {
                known.add(inc.loopVar());
                if (inc.preloaded() != null) {
                    collectDefined(inc.preloaded(), known);
                } else {
                    known.add("*");
                }
            }
        }
    }

    /**
     * {@code handled}: a failure of these items is handled (rescue, ignore_errors); an undefined
     * name in a handled task's arguments is left to fail the task at run time, as in Ansible.
     */
    private void checkItems(List<TaskItem> items, Set<String> known, Play play, boolean handled) {
        for (TaskItem item : items) {
            boolean here = handled || FailureHandling.handlesOwn(item);
            checkTemplateSyntax(item);
            if (item instanceof Task t && t.module().equals("template")) {
                checkTemplate(t, play, known);
            }
            if (known.contains("*")) {
                continue;
            }
            Set<String> guarded = new HashSet<>();
            item.options().when().forEach(w -> guarded.addAll(VariableReferences.guardedNames(w)));
            checkNames(item, item.options().when(), known, guarded, "when", play);
            if (item instanceof Task t && !here) {
                checkNames(t, List.of(t.args()), known, guarded, "arguments", play);
                // with a `when`, Ansible reports a loop's undefined variable only if the condition holds
                if (t.loop() != null && t.options().when().isEmpty()) {
                    checkNames(t, List.of(String.valueOf(t.loop())), known, guarded, "loop", play);
                }
            } else if (item instanceof Block b) {
                checkItems(b.block(), known, play, handled || FailureHandling.handlesBody(b));
                checkItems(b.rescue(), known, play, here);
                checkItems(b.always(), known, play, here);
            } else if (item instanceof IncludeTasks inc && inc.preloaded() != null) {
                checkItems(inc.preloaded(), known, play, here);
            }
        }
    }

    /**
     * Jinja2 compiles every template string when it is loaded: a syntax error or an unknown filter
     * or test in a task's arguments, when:, loop: or vars is an error before any host is contacted.
     */
    private void checkTemplateSyntax(TaskItem item) {
        try {
            item.options().when().forEach(w -> templar.checkExpressionSyntax(String.valueOf(w), "when"));
            checkStrings(item.vars());
            if (item instanceof Task t) {
                checkStrings(t.args());
                checkStrings(t.loop());
            }
        } catch (TemplateError e) {
            String task = item.displayName() == null ? "" : " (task '" + item.displayName() + "')";
            throw new PlaybookError(item.location(), e.detail() + task + " in its " + e.source());
        }
    }

    private void checkSyntaxOnly(List<TaskItem> items) {
        for (TaskItem item : items) {
            checkTemplateSyntax(item);
            if (item instanceof Block b) {
                List.of(b.block(), b.rescue(), b.always()).forEach(this::checkSyntaxOnly);
            } else if (item instanceof IncludeTasks inc && inc.preloaded() != null) {
                checkSyntaxOnly(inc.preloaded());
            }
        }
    }

    private void checkStrings(Object value) {
        if (value instanceof String text && Templar.isTemplated(text)) {
            templar.checkSyntax(text, "arguments");
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(this::checkStrings);
        } else if (value instanceof List<?> list) {
            list.forEach(this::checkStrings);
        }
    }

    /** A template named by a static path must exist, parse, and use only names someone defines. */
    private void checkTemplate(Task task, Play play, Set<String> known) {
        Object src = task.args().get("src");
        if (src == null || Templar.isTemplated(src)) {
            return;
        }
        Path taskDir = task.location().file() == null ? null : task.location().file().getParent();
        List<Path> candidates = FileSearch.candidates(task.role(), play.baseDir(), taskDir, String.valueOf(src), "templates");
        Path file = candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() ->
                new PlaybookError(task.location(), "template '" + src + "' not found; looked in: " + candidates));
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new PlaybookError(task.location(), "cannot read template " + file + ": " + e.getMessage());
        }
        try {
            text = TemplateOptions.of(task.args()).toStandard(text);
            templar.checkSyntax(text, file.toString());
        } catch (TemplateError e) {
            throw new PlaybookError(task.location(), e.getMessage());
        }
        if (known.contains("*")) {
            return;
        }
        // what the template action adds for the file it renders (ansible_managed included)
        known = new HashSet<>(known);
        known.addAll(List.of("template_host", "template_path", "template_fullpath", "template_mtime", "template_uid",
                "template_run_date", "template_destpath", "ansible_managed"));
        Set<String> guarded = VariableReferences.guardedNames(text);
        for (String name : VariableReferences.inValue(text)) {
            if (!known.contains(name) && !guarded.contains(name) && !name.startsWith("ansible_")) {
                throw new PlaybookError(task.location(), "'" + name + "' is undefined in template " + file
                        + ": no inventory, play, role or extra variable has this name. Define it (e.g. -e "
                        + name + "=...) or guard it with '| default(...)'");
            }
        }
    }

    private void checkNames(TaskItem item, List<?> values, Set<String> known, Set<String> guarded, String where,
                            Play play) {
        for (Object value : values) {
            Set<String> names = where.equals("when") ? VariableReferences.inExpression(String.valueOf(value))
                    : VariableReferences.inValue(value);
            for (String name : names) {
                checkName(item, name, known, guarded, where, play, null, new HashSet<>());
            }
        }
    }

    /**
     * Play vars are templated lazily, as in Ansible: an undefined name in one fails only when a task
     * uses that var (ansible-playbook 2.14 then fails that task, after the earlier ones ran), so the
     * names of a play var are checked when a task refers to it, and an unused one is never an error.
     */
    private void checkName(TaskItem item, String name, Set<String> known, Set<String> guarded, String where,
                           Play play, String through, Set<String> seen) {
        if (guarded.contains(name) || name.startsWith("ansible_")) {
            return;
        }
        if (!known.contains(name)) {
            String task = item.displayName() == null ? "" : " (task '" + item.displayName() + "')";
            String via = through == null ? "" : " through the play var '" + through + "' (" + play.location() + ")";
            throw new PlaybookError(item.location(), "'" + name + "' is undefined" + task + " in its " + where + via
                    + ": no inventory, play, role or extra variable has this name. Define it (e.g. -e "
                    + name + "=...) or guard it with '| default(...)'");
        }
        // a name also set elsewhere (-e, a task's vars, set_fact, the inventory) may take that value instead
        if (play.vars().containsKey(name) && !definedElsewhere.contains(name) && seen.add(name)) {
            Object value = play.vars().get(name);
            Set<String> inner = new HashSet<>(guarded);
            inner.addAll(VariableReferences.guardedNames(String.valueOf(value)));
            for (String used : VariableReferences.inValue(value)) {
                checkName(item, used, known, inner, where, play, name, seen);
            }
        }
    }
}
