package io.lvsplay.engine.template;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * What Ansible's {@code now()} returns without {@code fmt}: a Python datetime. It prints as Python's
 * {@code str(datetime)} does and answers {@code .year} ... {@code .microsecond} and {@code .strftime(fmt)};
 * {@link #strftime} is Python's strftime with the C locale.
 */
public record PythonDatetime(ZonedDateTime time) {

    /** now(utc=False): local time, naive as Python's datetime.now(). */
    static PythonDatetime now(boolean utc) {
        ZonedDateTime t = utc ? ZonedDateTime.now(ZoneOffset.UTC) : ZonedDateTime.now(ZoneId.systemDefault());
        return new PythonDatetime(t);
    }

    public int getYear() { return time.getYear(); }
    public int getMonth() { return time.getMonthValue(); }
    public int getDay() { return time.getDayOfMonth(); }
    public int getHour() { return time.getHour(); }
    public int getMinute() { return time.getMinute(); }
    public int getSecond() { return time.getSecond(); }
    public int getMicrosecond() { return time.getNano() / 1000; }

    public String strftime(String format) {
        return format(time, format);
    }

    @Override
    public String toString() {
        LocalDateTime t = time.toLocalDateTime();
        String base = String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
        return getMicrosecond() == 0 ? base : base + String.format(Locale.ROOT, ".%06d", getMicrosecond());
    }

    /** Python's time.strftime directives (glibc's, as CPython on Linux uses); an unknown one stays as written. */
    static String format(ZonedDateTime t, String format) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                continue;
            }
            char d = format.charAt(++i);
            switch (d) {
                case 'Y' -> out.append(t.getYear());
                case 'y' -> out.append(two(t.getYear() % 100));
                case 'm' -> out.append(two(t.getMonthValue()));
                case 'd' -> out.append(two(t.getDayOfMonth()));
                case 'e' -> out.append(String.format(Locale.ROOT, "%2d", t.getDayOfMonth()));
                case 'H' -> out.append(two(t.getHour()));
                case 'I' -> out.append(two(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12));
                case 'M' -> out.append(two(t.getMinute()));
                case 'S' -> out.append(two(t.getSecond()));
                case 'f' -> out.append(String.format(Locale.ROOT, "%06d", t.getNano() / 1000));
                case 'j' -> out.append(String.format(Locale.ROOT, "%03d", t.getDayOfYear()));
                case 'p' -> out.append(t.getHour() < 12 ? "AM" : "PM");
                case 'a' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'A' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'b', 'h' -> out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'B' -> out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'w' -> out.append(t.getDayOfWeek().getValue() % 7);
                case 'u' -> out.append(t.getDayOfWeek().getValue());
                case 's' -> out.append(t.toEpochSecond());
                case 'z' -> out.append(t.getOffset().getId().equals("Z") ? "+0000" : t.getOffset().getId().replace(":", ""));
                case 'Z' -> out.append(t.getZone().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'F' -> out.append(format(t, "%Y-%m-%d"));
                case 'T' -> out.append(format(t, "%H:%M:%S"));
                case 'D' -> out.append(format(t, "%m/%d/%y"));
                case 'R' -> out.append(format(t, "%H:%M"));
                case 'c' -> out.append(format(t, "%a %b %e %H:%M:%S %Y"));
                case 'x' -> out.append(format(t, "%m/%d/%y"));
                case 'X' -> out.append(format(t, "%H:%M:%S"));
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case '%' -> out.append('%');
                default -> out.append('%').append(d);
            }
        }
        return out.toString();
    }

    private static String two(int n) {
        return String.format(Locale.ROOT, "%02d", n);
    }
}
