package io.lvsplay.engine.exec;

import io.lvsplay.engine.inventory.Inventory;
import io.lvsplay.engine.playbook.Play;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the variables a task sees on a host, in Ansible's precedence (lowest first): role defaults,
 * inventory vars, facts, play vars, vars_files, role vars, block/task vars, include_vars,
 * set_fact/register, include params, extra vars; then the magic variables.
 */
final class VarsBuilder {
    /** Ansible's `omit`: an argument templated to this value is left out. */
    static final String OMIT = "__omit_place_holder__lvsplay";

    private final Inventory inventory;
    private final Map<String, HostState> states;
    private final RunOptions options;
    private final Play play;
    private final List<String> playHosts;
    private final RuntimeVarsFiles varsFiles;
    private final Map<String, Object> roleNames;
    /** The serial batch running now (all the play's hosts without serial). */
    private volatile List<String> batch;

    VarsBuilder(Inventory inventory, Map<String, HostState> states, RunOptions options, Play play, List<String> playHosts,
                io.lvsplay.engine.template.Templar templar) {
        this.varsFiles = new RuntimeVarsFiles(play, templar);
        this.inventory = inventory;
        this.states = states;
        this.options = options;
        this.play = play;
        this.playHosts = playHosts;
        this.batch = playHosts;
        this.roleNames = RoleNames.of(play);
    }

    /** PlayRunner starts a serial batch: ansible_play_batch is its hosts from now on. */
    void startBatch(List<String> hosts) {
        this.batch = List.copyOf(hosts);
    }

    Map<String, Object> build(HostState host, Map<String, Object> scopeVars) {
        Map<String, Object> vars = new LinkedHashMap<>(play.roleDefaults());
        vars.putAll(inventory.varsOf(host.name));
        putFacts(vars, host);
        vars.putAll(play.vars());
        vars.putAll(play.varsFromFiles());
        if (varsFiles.any()) {
            Map<String, Object> templating = new LinkedHashMap<>(vars);
            templating.putAll(options.extraVars());
            putMagic(templating, host.name);
            varsFiles.putInto(vars, templating);
        }
        vars.putAll(play.roleVars());
        vars.putAll(scopeVars);
        synchronized (host.includedVars) {
            vars.putAll(host.includedVars);
        }
        synchronized (host.runVars) {
            vars.putAll(host.runVars);
        }
        if (scopeVars instanceof Scope.ScopeVars scoped) {
            vars.putAll(scoped.includeParams);
        }
        vars.putAll(options.extraVars());
        putMagic(vars, host.name);
        return vars;
    }

    /** hostvars[name]: what other hosts' tasks may read about a host. */
    Map<String, Object> hostView(String name) {
        Map<String, Object> vars = new LinkedHashMap<>(inventory.varsOf(name));
        HostState state = states.get(name);
        if (state != null) {
            putFacts(vars, state);
            synchronized (state.includedVars) {
                vars.putAll(state.includedVars);
            }
            synchronized (state.runVars) {
                vars.putAll(state.runVars);
            }
        }
        vars.putAll(options.extraVars());
        vars.put("inventory_hostname", name);
        vars.put("inventory_hostname_short", shortName(name));
        vars.put("group_names", inventory.groupNamesOf(name));
        return vars;
    }

    private static void putFacts(Map<String, Object> vars, HostState host) {
        synchronized (host.facts) {
            if (host.facts.isEmpty()) {
                return;
            }
            Map<String, Object> facts = new LinkedHashMap<>(host.facts);
            vars.put("ansible_facts", facts);
            facts.forEach((k, v) -> vars.put("ansible_" + k, v));
        }
    }

    private void putMagic(Map<String, Object> vars, String host) {
        vars.put("inventory_hostname", host);
        vars.put("inventory_hostname_short", shortName(host));
        vars.put("groups", inventory.groups());
        vars.put("group_names", inventory.groupNamesOf(host));
        vars.put("hostvars", new HostVarsMap());
        vars.put("play_hosts", activeHosts());
        vars.put("ansible_play_hosts", activeHosts());
        vars.put("ansible_play_batch", batch.stream().filter(h -> states.get(h) == null || states.get(h).active()).toList());
        vars.put("ansible_play_hosts_all", playHosts);
        vars.put("ansible_play_name", play.title());
        vars.put("playbook_dir", play.baseDir().toString());
        vars.put("ansible_check_mode", options.check());
        vars.put("ansible_diff_mode", options.diff());
        vars.put("ansible_run_tags", options.tags().isEmpty() ? List.of("all") : options.tags());
        vars.put("ansible_skip_tags", options.skipTags());
        // the Ansible lvsplay is measured against (Debian 12's ansible-core), so version checks in roles pass
        vars.put("ansible_version", Map.of("full", "2.14.18", "major", 2, "minor", 14, "revision", 18,
                "string", "2.14.18"));
        vars.put("ansible_forks", options.forks());
        vars.put("ansible_verbosity", options.verbosity());
        vars.putAll(roleNames);
        vars.put("omit", OMIT);
        if (options.controller().playbookPython() != null) {
            vars.put("ansible_playbook_python", options.controller().playbookPython());
        }
        options.controller().providedVars().forEach(vars::putIfAbsent);
        vars.put("lvsplay_var_origins", new OriginsMap());
    }

    private List<String> activeHosts() {
        return playHosts.stream().filter(h -> states.get(h) == null || states.get(h).active()).toList();
    }

    private static String shortName(String host) {
        int dot = host.indexOf('.');
        return dot > 0 && !host.matches("[0-9.]+") ? host.substring(0, dot) : host;
    }

    /**
     * lvsplay_var_origins[host][var]: where the user set the host's variable ("inventory.ini:7", a
     * group_vars file, "-e"), so validation messages can say which line to fix. lvsplay's own magic
     * variable: under ansible-playbook it is undefined and the playbooks' messages leave it out.
     */
    private final class OriginsMap extends PerHostMap {
        @Override
        Object valueOf(String name) {
            if (inventory.host(name) == null) {
                return null;
            }
            Map<String, Object> origins = new LinkedHashMap<>(inventory.originsOf(name));
            options.extraVars().keySet().forEach(var -> origins.put(var, "-e"));
            return origins;
        }
    }

    /** Built on access: templates usually read one or two hosts, not all of them. */
    private final class HostVarsMap extends PerHostMap {
        @Override
        Object valueOf(String name) {
            return inventory.host(name) == null && !states.containsKey(name) ? null : hostView(name);
        }
    }

    /** A map from host name to a value made when it is read; lists the inventory's hosts. */
    private abstract class PerHostMap extends AbstractMap<String, Object> {
        /** The host's value, or null for a name that is no host. */
        abstract Object valueOf(String name);

        @Override
        public Object get(Object key) {
            return valueOf(String.valueOf(key));
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            Set<Entry<String, Object>> entries = new LinkedHashSet<>();
            for (String name : inventory.hostNames()) {
                entries.add(new SimpleImmutableEntry<>(name, get(name)));
            }
            return entries;
        }
    }
}
