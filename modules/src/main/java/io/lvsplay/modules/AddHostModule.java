package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds a host (and its groups and variables) to the in-memory inventory for the plays that follow.
 * As Ansible's action plugin, it runs once per task (not per host) and only describes the host in
 * the result's add_host; the executor changes the inventory. "name:port" sets ansible_ssh_port;
 * every argument but name/hostname/groups/groupname becomes a host variable.
 */
public final class AddHostModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of().anyArgs();
    private static final Set<String> SPECIAL = Set.of("name", "hostname", "groupname", "groups");
    private static final Pattern HOST_PORT = Pattern.compile("(?:\\[([^\\]]+)]|([^:\\[\\]]+)):([0-9]+)");

    @Override
    public String name() {
        return "add_host";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Set<Trait> traits() {
        return EnumSet.of(Trait.RUNS_ON_CONTROLLER, Trait.SUPPORTS_CHECK_MODE, Trait.BYPASS_HOST_LOOP);
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        Map<String, Object> all = args.all();
        Object given = all.get("name") != null ? all.get("name") : all.get("hostname") != null ? all.get("hostname")
                : all.get("host");
        if (given == null) {
            throw new ModuleFailure("name, host or hostname needs to be provided");
        }
        Map<String, Object> hostVars = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (!SPECIAL.contains(k)) {
                hostVars.put(k, v);
            }
        });
        String name = String.valueOf(given);
        Matcher m = HOST_PORT.matcher(name);
        if (m.matches()) {
            name = m.group(1) != null ? m.group(1) : m.group(2);
            hostVars.put("ansible_ssh_port", Integer.parseInt(m.group(3)));
        }
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("host_name", name);
        host.put("groups", groups(all));
        host.put("host_vars", hostVars);
        return Plan.unchanged(Map.of("add_host", host));
    }

    private static List<String> groups(Map<String, Object> all) {
        Object groups = all.get("groupname") != null ? all.get("groupname")
                : all.get("groups") != null ? all.get("groups") : all.get("group");
        List<String> out = new ArrayList<>();
        if (groups == null || "".equals(groups)) {
            return out;
        }
        List<?> names = groups instanceof List<?> l ? l : groups instanceof String s ? List.of(s.split(",")) : null;
        if (names == null) {
            throw new ModuleFailure("Groups must be specified as a list.");
        }
        for (Object group : names) {
            String name = String.valueOf(group).strip();
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }
}
