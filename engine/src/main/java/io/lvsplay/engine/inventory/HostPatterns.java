package io.lvsplay.engine.inventory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Resolves Ansible host patterns ({@code hosts:} of a play, {@code --limit}) against an
 * inventory, following Ansible's InventoryManager: the pattern splits on ',' (or ':' when there
 * is no ','), plain terms are unioned in order, then {@code &} terms intersect and {@code !}
 * terms exclude, whatever their position. A term is a group or host name, a glob, or
 * {@code ~regex}, optionally with a subscript {@code [i]} or {@code [from:to]} (inclusive).
 */
final class HostPatterns {
    /** Ansible's only names for the implicit localhost. */
    static final Set<String> LOCALHOST_NAMES = Set.of("localhost", "127.0.0.1", "::1");

    private static final Pattern COLON_SEPARATED_TERM = Pattern.compile("(?:[^\\s:\\[\\]]|\\[[^\\]]*\\])+");
    private static final Pattern WITH_SUBSCRIPT = Pattern.compile("^(.+)\\[(?:(-?[0-9]+)|([0-9]+)([:-])([0-9]*))\\]$");

    private final InventoryModel model;

    HostPatterns(InventoryModel model) {
        this.model = model;
    }

    List<String> select(String pattern) {
        List<String> terms = ordered(split(pattern));
        List<String> hosts = new ArrayList<>();
        for (String term : terms) {
            if (term.startsWith("!")) {
                hosts.removeAll(new LinkedHashSet<>(matchTerm(operand(term, pattern))));
            } else if (term.startsWith("&")) {
                hosts.retainAll(new LinkedHashSet<>(matchTerm(operand(term, pattern))));
            } else {
                for (String host : model.hosts.containsKey(term) ? List.of(term) : matchTerm(term)) {
                    if (!hosts.contains(host)) {
                        hosts.add(host);
                    }
                }
            }
        }
        return hosts;
    }

    /**
     * Commas always separate. Without commas a host:port or IPv6 address stays whole; otherwise
     * colons and whitespace separate, except inside brackets ("web[0:2]", "~rs[0-9]+").
     */
    static List<String> split(String pattern) {
        List<String> terms = new ArrayList<>();
        if (pattern.contains(",")) {
            for (String term : pattern.split(",")) {
                terms.add(term.strip());
            }
        } else if (isSingleAddress(pattern.strip())) {
            terms.add(pattern.strip());
        } else {
            Matcher term = COLON_SEPARATED_TERM.matcher(pattern);
            while (term.find()) {
                terms.add(term.group());
            }
        }
        terms.removeIf(String::isEmpty);
        return terms;
    }

    private static boolean isSingleAddress(String pattern) {
        boolean hostAndPort = pattern.matches("[\\w.-]+:[0-9]+");
        boolean ipv6 = pattern.matches("[0-9a-fA-F:]+") && (pattern.contains("::") || pattern.chars().filter(c -> c == ':').count() == 7);
        return hostAndPort || ipv6;
    }

    /** Unions first, then intersections, then exclusions; with no plain term Ansible starts from "all". */
    private static List<String> ordered(List<String> terms) {
        List<String> unions = new ArrayList<>();
        List<String> intersections = new ArrayList<>();
        List<String> exclusions = new ArrayList<>();
        for (String term : terms) {
            (term.startsWith("!") ? exclusions : term.startsWith("&") ? intersections : unions).add(term);
        }
        if (unions.isEmpty()) {
            unions.add(InventoryModel.ALL);
        }
        List<String> result = new ArrayList<>(unions);
        result.addAll(intersections);
        result.addAll(exclusions);
        return result;
    }

    private static String operand(String term, String pattern) {
        String operand = term.substring(1).strip();
        if (operand.isEmpty()) {
            throw new InventoryError("host pattern '" + pattern + "' has '" + term.charAt(0)
                    + "' with nothing after it — write e.g. 'webservers:" + term.charAt(0) + "staging'");
        }
        return operand;
    }

    private List<String> matchTerm(String term) {
        if (term.startsWith("~")) {
            return matchName(term);
        }
        Matcher subscript = WITH_SUBSCRIPT.matcher(term);
        if (!subscript.matches()) {
            return matchName(term);
        }
        List<String> hosts = matchName(subscript.group(1));
        if (subscript.group(2) != null) {
            int index = Integer.parseInt(subscript.group(2));
            int position = index < 0 ? hosts.size() + index : index;
            return position >= 0 && position < hosts.size() ? List.of(hosts.get(position)) : List.of();
        }
        int from = Integer.parseInt(subscript.group(3));
        int to = subscript.group(5).isEmpty() ? hosts.size() - 1 : Integer.parseInt(subscript.group(5));
        return from > to || from >= hosts.size() ? List.of() : hosts.subList(from, Math.min(to + 1, hosts.size()));
    }

    /**
     * Hosts of every matching group (in group order), then, for globs, regexes and names that
     * are no group, every matching host name; the implicit localhost as a last resort.
     */
    private List<String> matchName(String expression) {
        Pattern matcher = compile(expression);
        boolean regex = expression.startsWith("~");
        Set<String> hosts = new LinkedHashSet<>();
        boolean groupMatched = false;
        for (String group : model.groups.keySet()) {
            if (matches(matcher, group, regex)) {
                groupMatched = true;
                hosts.addAll(model.hostsOf(group));
            }
        }
        if (!groupMatched || regex || expression.matches(".*[.?*\\[].*")) {
            for (String host : model.hosts.keySet()) {
                if (matches(matcher, host, regex)) {
                    hosts.add(host);
                }
            }
        }
        if (hosts.isEmpty() && LOCALHOST_NAMES.contains(expression)) {
            hosts.add(expression);
        }
        return new ArrayList<>(hosts);
    }

    /** Regexes match at the start of a name (Python's re.match); globs must match the whole name. */
    private static boolean matches(Pattern pattern, String name, boolean regex) {
        Matcher matcher = pattern.matcher(name);
        return regex ? matcher.lookingAt() : matcher.matches();
    }

    private static Pattern compile(String expression) {
        String regex = expression.startsWith("~") ? expression.substring(1) : globToRegex(expression);
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new InventoryError("invalid host pattern '" + expression + "': " + e.getDescription()
                    + " — fix the regular expression after '~' or escape special characters");
        }
    }

    /** Python's fnmatch: {@code *}, {@code ?}, {@code [seq]} and {@code [!seq]}; an unclosed '[' is literal. */
    static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i++);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '[') {
                int close = glob.indexOf(']', i < glob.length() && glob.charAt(i) == '!' ? i + 2 : i + 1);
                if (close < 0) {
                    regex.append("\\[");
                } else {
                    String set = glob.substring(i, close);
                    i = close + 1;
                    regex.append('[').append(set.startsWith("!") ? "^" + quoteSet(set.substring(1)) : quoteSet(set)).append(']');
                }
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    private static String quoteSet(String set) {
        return set.replace("\\", "\\\\").replace("[", "\\[").replace("&&", "&\\&").replace("^", "\\^");
    }
}
