package io.lvsplay.modules;

import io.lvsplay.engine.remote.RemoteHost;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wait_for's match_groups and match_groupdict: the search_regex (Python syntax, MULTILINE, as
 * Ansible compiles it) applied to the file once the wait found it.
 */
final class WaitForMatch {
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?P<([A-Za-z_][A-Za-z0-9_]*)>");

    private WaitForMatch() {
    }

    static Map<String, Object> groups(RemoteHost host, String path, String regex) {
        String text = host.readFile(path).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        return groups(text, regex);
    }

    static Map<String, Object> groups(String text, String regex) {
        List<Object> groups = new ArrayList<>();
        Map<String, Object> named = new LinkedHashMap<>();
        Matcher m = PythonRegex.compile("(?m)" + regex, "search_regex").matcher(text);
        if (m.find()) {
            for (int i = 1; i <= m.groupCount(); i++) {
                groups.add(m.group(i));
            }
            Matcher names = NAMED_GROUP.matcher(regex);
            while (names.find()) {
                named.put(names.group(1), m.group(names.group(1)));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("match_groups", groups);
        out.put("match_groupdict", named);
        return out;
    }
}
