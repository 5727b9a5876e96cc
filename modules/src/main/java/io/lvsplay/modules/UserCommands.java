package io.lvsplay.modules;

import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleFailure;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The useradd/usermod command lines that bring an account to what the user task asks, as Ansible builds them. */
final class UserCommands {
    private final ModuleArgs args;
    private final UserFacts facts;
    private final String name;

    UserCommands(ModuleArgs args, UserFacts facts) {
        this.args = args;
        this.facts = facts;
        this.name = args.str("name");
    }

    List<String> useradd() {
        List<String> argv = new ArrayList<>(List.of("useradd"));
        Integer uid = args.integer("uid");
        if (uid != null) {
            argv.addAll(List.of("-u", uid.toString()));
            if (args.bool("non_unique", false)) {
                argv.add("-o");
            }
        }
        String group = args.str("group");
        if (group != null) {
            requireGroup(group);
            argv.addAll(List.of("-g", group));
        } else if (facts.gidOf(name) != null) {
            // a group named like the user exists: -N keeps useradd from failing to create it
            argv.add("-N");
        }
        List<String> groups = desiredGroups();
        if (groups != null && !groups.isEmpty()) {
            argv.addAll(List.of("-G", String.join(",", groups)));
        }
        addIfGiven(argv, "-c", "comment");
        addIfGiven(argv, "-d", "home");
        addIfGiven(argv, "-s", "shell");
        if (args.bool("create_home", true)) {
            argv.add("-m");
            addIfGiven(argv, "-k", "skeleton");
        } else {
            argv.add("-M");
        }
        if (args.bool("system", false)) {
            argv.add("-r");
        }
        argv.add(name);
        return argv;
    }

    /** The usermod line for what differs, or null when the account already matches. */
    List<String> usermod() {
        UserFacts.Account a = facts.account();
        List<String> argv = new ArrayList<>(List.of("usermod"));
        Integer uid = args.integer("uid");
        if (uid != null && uid != a.uid()) {
            argv.addAll(List.of("-u", uid.toString()));
            if (args.bool("non_unique", false)) {
                argv.add("-o");
            }
        }
        String group = args.str("group");
        if (group != null && requireGroup(group) != a.gid()) {
            argv.addAll(List.of("-g", group));
        }
        List<String> groups = desiredGroups();
        if (groups != null && groupsNeedChange(groups)) {
            if (args.bool("append", false)) {
                argv.add("-a");
            }
            argv.addAll(List.of("-G", String.join(",", groups)));
        }
        differs(argv, "-c", "comment", a.comment());
        if (differs(argv, "-d", "home", a.home()) && args.bool("move_home", false)) {
            argv.add("-m");
        }
        differs(argv, "-s", "shell", a.shell());
        if (newPasswordHash() == null && args.has("password_lock")) {
            boolean lock = args.bool("password_lock", false);
            if (lock != locked()) {
                argv.add(lock ? "-L" : "-U");
            }
        }
        if (argv.size() == 1) {
            return null;
        }
        argv.add(name);
        return argv;
    }

    /** The hash chpasswd must set (with "!" when the account is or is to be locked), or null. */
    String newPasswordHash() {
        String password = args.str("password");
        if (password == null || (facts.exists() && args.str("update_password").equals("on_create"))) {
            return null;
        }
        boolean lock = args.has("password_lock") ? args.bool("password_lock", false) : facts.exists() && locked();
        String wanted = (lock && !password.startsWith("!") ? "!" : "") + password;
        return wanted.equals(facts.passwordHash()) ? null : wanted;
    }

    private boolean locked() {
        return facts.passwordHash() != null && facts.passwordHash().startsWith("!");
    }

    /* null: groups not given; empty: no supplementary groups (groups: ""). */
    private List<String> desiredGroups() {
        if (!args.has("groups")) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (Object g : args.list("groups")) {
            String group = String.valueOf(g).strip();
            if (!group.isEmpty()) {
                requireGroup(group);
                names.add(facts.groupName(group));
            }
        }
        return new ArrayList<>(names);
    }

    private boolean groupsNeedChange(List<String> wanted) {
        Set<String> current = facts.supplementaryGroups();
        if (args.bool("append", false)) {
            return !current.containsAll(wanted);
        }
        return !current.equals(new LinkedHashSet<>(wanted));
    }

    private int requireGroup(String group) {
        Integer gid = facts.gidOf(group);
        if (gid == null) {
            throw new ModuleFailure("Group " + group + " does not exist");
        }
        return gid;
    }

    private void addIfGiven(List<String> argv, String flag, String arg) {
        if (args.has(arg)) {
            argv.addAll(List.of(flag, args.str(arg)));
        }
    }

    private boolean differs(List<String> argv, String flag, String arg, String current) {
        if (args.has(arg) && !Objects.equals(args.str(arg), current)) {
            argv.addAll(List.of(flag, args.str(arg)));
            return true;
        }
        return false;
    }
}
