package io.lvsplay.modules;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's time.strptime for the directives timestamps are written with (%Y %y %m %d %j %H %I %M
 * %S %f %p %b %B %a %A %%): the same digit patterns, case-insensitive, whitespace in the format
 * matching any run of whitespace, the same defaults (1900-01-01 00:00:00) and the same messages.
 * Other directives are refused by name, not guessed.
 */
final class PythonStrptime {
    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december"};
    private static final String[] DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

    private PythonStrptime() {
    }

    /** The local date and time {@code text} means in {@code format}; IllegalArgumentException with Python's message. */
    static LocalDateTime parse(String text, String format) {
        List<Character> fields = new ArrayList<>();
        Pattern pattern = Pattern.compile(regex(format, fields), Pattern.CASE_INSENSITIVE);
        Matcher m = pattern.matcher(text);
        if (!m.lookingAt()) {
            throw new IllegalArgumentException("time data " + pyRepr(text) + " does not match format " + pyRepr(format));
        }
        if (m.end() != text.length()) {
            throw new IllegalArgumentException("unconverted data remains: " + text.substring(m.end()));
        }
        int year = 1900;
        int month = 1;
        int day = 1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        int nanos = 0;
        int julian = -1;
        int hour12 = -1;
        boolean pm = false;
        for (int i = 0; i < fields.size(); i++) {
            String v = m.group(i + 1);
            switch (fields.get(i)) {
                case 'Y' -> year = Integer.parseInt(v);
                case 'y' -> {
                    int y = Integer.parseInt(v);
                    year = y <= 68 ? 2000 + y : 1900 + y; // Python's POSIX pivot
                }
                case 'm' -> month = Integer.parseInt(v.strip());
                case 'd' -> day = Integer.parseInt(v.strip());
                case 'j' -> julian = Integer.parseInt(v);
                case 'H' -> hour = Integer.parseInt(v);
                case 'I' -> hour12 = Integer.parseInt(v);
                case 'M' -> minute = Integer.parseInt(v);
                case 'S' -> second = Integer.parseInt(v);
                case 'f' -> nanos = Integer.parseInt((v + "000000").substring(0, 6)) * 1000;
                case 'p' -> pm = v.equalsIgnoreCase("pm");
                case 'b', 'B' -> month = monthOf(v);
                default -> { } // %a %A are matched and, as in Python, do not change the date
            }
        }
        if (hour12 >= 0) {
            hour = hour12 % 12 + (pm ? 12 : 0);
        }
        try {
            if (julian > 0) {
                return Year.of(year).atDay(julian).atTime(hour, minute, Math.min(second, 59), nanos);
            }
            // Python accepts a leap second (60, 61) and mktime carries it into the next minute
            return LocalDateTime.of(year, month, day, hour, minute, Math.min(second, 59), nanos)
                    .plusSeconds(Math.max(0, second - 59));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("day is out of range for month");
        }
    }

    private static String regex(String format, List<Character> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (Character.isWhitespace(c)) {
                out.append("\\s+");
                while (i + 1 < format.length() && Character.isWhitespace(format.charAt(i + 1))) {
                    i++;
                }
                continue;
            }
            if (c != '%') {
                out.append(Pattern.quote(String.valueOf(c)));
                continue;
            }
            if (i + 1 >= format.length()) {
                throw new IllegalArgumentException("stray % in format " + pyRepr(format));
            }
            char d = format.charAt(++i);
            if (d == '%') {
                out.append('%');
                continue;
            }
            String group = switch (d) {
                case 'Y' -> "\\d\\d\\d\\d";
                case 'y' -> "\\d\\d";
                case 'm' -> "1[0-2]|0[1-9]|[1-9]";
                case 'd' -> "3[01]|[12]\\d|0[1-9]|[1-9]| [1-9]";
                case 'j' -> "36[0-6]|3[0-5]\\d|[12]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9]";
                case 'H' -> "2[0-3]|[0-1]\\d|\\d";
                case 'I' -> "1[0-2]|0[1-9]|[1-9]";
                case 'M' -> "[0-5]\\d|\\d";
                case 'S' -> "6[0-1]|[0-5]\\d|\\d";
                case 'f' -> "[0-9]{1,6}";
                case 'p' -> "am|pm";
                case 'b' -> "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec";
                case 'B' -> String.join("|", MONTHS);
                case 'a' -> "mon|tue|wed|thu|fri|sat|sun";
                case 'A' -> String.join("|", DAYS);
                default -> throw new IllegalArgumentException(
                        "lvsplay does not support the strptime directive %" + d + " yet");
            };
            fields.add(d);
            out.append('(').append(group).append(')');
        }
        return out.toString();
    }

    private static int monthOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].startsWith(lower.substring(0, 3))) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no month " + name);
    }

    private static String pyRepr(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
