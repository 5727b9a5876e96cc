package io.lvsplay.engine.template.lookup;

import io.lvsplay.engine.playbook.FreeFormArgs;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sequence: "start=1 end=10 stride=2 format=host%02d", "count=5", or the shortcut
 * "[start-]end[/stride][:format]"; numbers may be hexadecimal (0x) or octal (0o).
 */
final class SequenceLookup {
    private static final String NUM = "(0?x?[0-9a-f]+)";
    private static final Pattern SHORTCUT = Pattern.compile(
            "^(" + NUM + "-)?" + NUM + "(/" + NUM + ")?(:(.+))?$", Pattern.CASE_INSENSITIVE);

    private SequenceLookup() {
    }

    static List<Object> run(List<Object> terms, Map<String, Object> options, LookupContext context) {
        List<Object> results = new ArrayList<>();
        for (Object term : terms) {
            results.addAll(sequence(context.str(term).trim()));
        }
        return results;
    }

    private static List<Object> sequence(String term) {
        long start = 1;
        long stride = 1;
        Long end = null;
        Long count = null;
        String format = "%d";
        Matcher shortcut = SHORTCUT.matcher(term);
        if (!term.contains("=") && shortcut.matches()) {
            start = shortcut.group(2) == null ? 1 : number("start", shortcut.group(2));
            end = number("end", shortcut.group(3));
            stride = shortcut.group(5) == null ? 1 : number("stride", shortcut.group(5));
            format = shortcut.group(7) == null ? format : shortcut.group(7);
        } else {
            Map<String, Object> args;
            try {
                args = FreeFormArgs.parse(term, false, List.of());
            } catch (IllegalArgumentException e) {
                throw new LookupFailure("can't parse arg=value in sequence '" + term + "'");
            }
            for (Map.Entry<String, Object> arg : args.entrySet()) {
                String value = String.valueOf(arg.getValue());
                switch (arg.getKey()) {
                    case "start" -> start = number("start", value);
                    case "end" -> end = number("end", value);
                    case "count" -> count = number("count", value);
                    case "stride" -> stride = number("stride", value);
                    case "format" -> format = value;
                    default -> throw new LookupFailure("unrecognized arguments to with_sequence: ['"
                            + arg.getKey() + "']");
                }
            }
        }
        if (count == null && end == null) {
            throw new LookupFailure("must specify count or end in with_sequence");
        }
        if (count != null && end != null) {
            throw new LookupFailure("can't specify both count and end in with_sequence");
        }
        if (count != null) {
            if (count == 0) {
                return new ArrayList<>();
            }
            end = start + count * stride - 1;
        }
        if (stride > 0 && end < start) {
            throw new LookupFailure("to count backwards make stride negative");
        }
        if (stride < 0 && end > start) {
            throw new LookupFailure("to count forward don't make stride negative");
        }
        if (format.replace("%%", "").chars().filter(c -> c == '%').count() != 1) {
            throw new LookupFailure("bad formatting string: " + format);
        }
        List<Object> numbers = new ArrayList<>();
        long stop = end + (stride >= 0 ? 1 : -1);
        for (long i = start; stride > 0 ? i < stop : i > stop; i += stride) {
            try {
                numbers.add(String.format(format, i));
            } catch (IllegalFormatException e) {
                throw new LookupFailure("bad formatting string: " + format);
            }
            if (stride == 0) {
                break;
            }
        }
        return numbers;
    }

    private static long number(String name, String text) {
        String t = text.toLowerCase().trim();
        try {
            if (t.startsWith("0x")) {
                return Long.parseLong(t.substring(2), 16);
            }
            if (t.startsWith("0o")) {
                return Long.parseLong(t.substring(2), 8);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new LookupFailure("can't parse " + name + "=" + text + " as integer");
        }
    }
}
