package io.lvsplay.modules;

import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the host's account databases say about one user: its passwd entry (null when absent),
 * its shadow hash, and the group database (to resolve group names and supplementary groups).
 */
record UserFacts(Account account, String passwordHash, Map<String, Integer> groupGids,
                 Map<String, Set<String>> groupMembers) {

    /** One passwd line. */
    record Account(String name, int uid, int gid, String comment, String home, String shell) {}

    private static final String SEPARATOR = "@@lvsplay@@";

    static UserFacts read(RemoteHost host, String name) {
        return read(host.run(script(name)), host.hostName());
    }

    /** The one command that reads the account, its password hash and the groups. */
    static String script(String name) {
        String q = ShellQuote.quote(name);
        return "getent passwd " + q + "; echo " + SEPARATOR + "; getent shadow " + q
                + " 2>/dev/null | cut -d: -f2; echo " + SEPARATOR + "; getent group";
    }

    static UserFacts read(ExecResult r, String hostName) {
        String[] parts = r.stdout().split(SEPARATOR + "\n?", -1);
        if (parts.length != 3) {
            throw new ModuleFailure("cannot read the account databases of " + hostName + ": "
                    + r.stderr().strip());
        }
        return parse(parts[0], parts[1], parts[2]);
    }

    static UserFacts parse(String passwdLine, String shadowHash, String groupLines) {
        Account account = null;
        String[] p = passwdLine.strip().split(":", -1);
        if (p.length >= 7) {
            account = new Account(p[0], Integer.parseInt(p[2]), Integer.parseInt(p[3]), p[4], p[5], p[6]);
        }
        Map<String, Integer> gids = new LinkedHashMap<>();
        Map<String, Set<String>> members = new LinkedHashMap<>();
        for (String line : groupLines.split("\n")) {
            String[] g = line.split(":", -1);
            if (g.length >= 4) {
                gids.putIfAbsent(g[0], Integer.parseInt(g[2]));
                Set<String> names = new LinkedHashSet<>();
                for (String m : g[3].split(",")) {
                    if (!m.isBlank()) {
                        names.add(m.strip());
                    }
                }
                members.putIfAbsent(g[0], names);
            }
        }
        String hash = shadowHash.strip();
        return new UserFacts(account, account == null || hash.isEmpty() ? null : hash, gids, members);
    }

    boolean exists() {
        return account != null;
    }

    /** The gid of a group given by name or number; null when the host has no such group. */
    Integer gidOf(String group) {
        if (group.matches("\\d+")) {
            int gid = Integer.parseInt(group);
            return groupGids.containsValue(gid) ? gid : null;
        }
        return groupGids.get(group);
    }

    /** The name of a group given by name or number (as -G lists compare by name). */
    String groupName(String group) {
        if (!group.matches("\\d+")) {
            return group;
        }
        int gid = Integer.parseInt(group);
        return groupGids.entrySet().stream().filter(e -> e.getValue() == gid).map(Map.Entry::getKey)
                .findFirst().orElse(group);
    }

    /** The supplementary groups the user is a listed member of, excluding its primary group. */
    Set<String> supplementaryGroups() {
        Set<String> out = new LinkedHashSet<>();
        groupMembers.forEach((group, names) -> {
            if (names.contains(account.name()) && groupGids.get(group) != account.gid()) {
                out.add(group);
            }
        });
        return out;
    }
}
