package io.lvsplay.engine.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host entry as written in an inventory: a name or a range such as {@code rs[01:10]},
 * {@code db-[a:f]} or {@code 10.0.0.[1:9:2]}, optionally followed by {@code :port}.
 *
 * @param names the expanded host names, in range order
 * @param port  the port given after the name, or null
 */
record HostDefinition(List<String> names, Integer port) {

    private static final Pattern BRACKETED_HOST_PORT = Pattern.compile("^\\[(.+)\\]:([0-9]+)$");
    private static final Pattern HOST_PORT = Pattern.compile("^((?:[^:\\[\\]]|\\[[^\\]]*\\])*):([0-9]+)$");
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** @throws IllegalArgumentException when a range is malformed, with a message fit for users */
    static HostDefinition parse(String entry) {
        String pattern = entry;
        Integer port = null;
        Matcher bracketed = BRACKETED_HOST_PORT.matcher(entry);
        Matcher hostPort = HOST_PORT.matcher(entry);
        if (bracketed.matches() && !bracketed.group(1).contains("]")) {
            pattern = bracketed.group(1);
            port = Integer.valueOf(bracketed.group(2));
        } else if (hostPort.matches() && !hostPort.group(1).isEmpty()) {
            pattern = hostPort.group(1);
            port = Integer.valueOf(hostPort.group(2));
        } else if (entry.endsWith(":")) {
            throw new IllegalArgumentException("host '" + entry + "' ends in ':' but ':' is reserved for a port — write 'name:PORT' or drop the ':'");
        }
        if (pattern.equals("---")) {
            throw new IllegalArgumentException("host '---' looks like the start of a YAML document — give the file a .yml extension or start it with 'all:'");
        }
        return new HostDefinition(expand(pattern), port);
    }

    /** Expands every {@code [begin:end(:step)]} range, leftmost first, as Ansible's expand_hostname_range. */
    static List<String> expand(String pattern) {
        int open = pattern.indexOf('[');
        if (open < 0) {
            return List.of(pattern);
        }
        int close = pattern.indexOf(']', open);
        if (close < 0) {
            throw new IllegalArgumentException("host range in '" + pattern + "' has no closing ']' — write it as name[begin:end]");
        }
        String head = pattern.substring(0, open);
        String tail = pattern.substring(close + 1);
        List<String> names = new ArrayList<>();
        for (String value : rangeValues(pattern, pattern.substring(open + 1, close))) {
            names.addAll(expand(head + value + tail));
        }
        return names;
    }

    private static List<String> rangeValues(String pattern, String range) {
        String[] bounds = range.split(":", -1);
        if (bounds.length != 2 && bounds.length != 3) {
            throw new IllegalArgumentException("host range [" + range + "] in '" + pattern + "' must be [begin:end] or [begin:end:step]");
        }
        String begin = bounds[0].isEmpty() ? "0" : bounds[0];
        String end = bounds[1];
        if (end.isEmpty()) {
            throw new IllegalArgumentException("host range [" + range + "] in '" + pattern + "' has no end value — write [begin:end]");
        }
        int step = bounds.length == 3 ? positive(bounds[2], pattern) : 1;
        int begLetter = LETTERS.indexOf(begin);
        int endLetter = LETTERS.indexOf(end);
        List<String> values = new ArrayList<>();
        if (begin.length() == 1 && end.length() == 1 && begLetter >= 0 && endLetter >= 0) {
            if (begLetter > endLetter) {
                throw new IllegalArgumentException("host range [" + range + "] in '" + pattern + "' must have begin <= end");
            }
            for (int i = begLetter; i <= endLetter; i += step) {
                values.add(String.valueOf(LETTERS.charAt(i)));
            }
            return values;
        }
        // A leading zero asks for zero padding to the width of the bounds ("[01:10]" gives 01..10).
        int width = begin.length() > 1 && begin.startsWith("0") ? begin.length() : 0;
        if (width > 0 && width != end.length()) {
            throw new IllegalArgumentException("host range [" + range + "] in '" + pattern + "' must have begin and end of equal width for zero padding, e.g. [01:10]");
        }
        long from = number(begin, pattern);
        long to = number(end, pattern);
        if (from > to) {
            // Ansible 2.14 silently defines no host here; a range that defines nothing is always a mistake
            throw new IllegalArgumentException("host range [" + range + "] in '" + pattern
                    + "' is reversed and defines no host — write it as [" + end + ":" + begin + "]");
        }
        for (long i = from; i <= to; i += step) {
            values.add(width > 0 ? String.format("%0" + width + "d", i) : Long.toString(i));
        }
        return values;
    }

    private static long number(String bound, String pattern) {
        try {
            return Long.parseLong(bound);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("host range bound '" + bound + "' in '" + pattern + "' is neither a number nor a single letter");
        }
    }

    private static int positive(String step, String pattern) {
        try {
            int value = Integer.parseInt(step);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("host range step '" + step + "' in '" + pattern + "' must be a positive number");
    }
}
