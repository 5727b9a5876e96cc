package io.lvsplay.modules.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** KEY=value lines of /etc/selinux/config: read one, or set it in place (appended when missing). */
final class SelinuxConfig {
    private SelinuxConfig() {
    }

    static String get(String text, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + "=(\\S*)\\s*$").matcher(text);
        return m.find() ? m.group(1) : null;
    }

    static String set(String text, String key, String value) {
        Pattern line = Pattern.compile("(?m)^" + key + "=.*$");
        if (line.matcher(text).find()) {
            return line.matcher(text).replaceAll(Matcher.quoteReplacement(key + "=" + value));
        }
        return text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + key + "=" + value + "\n";
    }
}
