package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.TaskOptions;
import io.lvsplay.engine.template.Templar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A boolean keyword (become, no_log, ignore_errors, ...) resolved innermost first over the task, its
 * blocks and its play, where a level may hold the value written out or a template of the host's
 * variables: the template is rendered then and converted as Ansible's strict boolean() does.
 */
final class FlagKeywords {
    private FlagKeywords() {
    }

    /** The innermost value set, or null when no level sets it. */
    static Boolean resolve(Scope scope, TaskOptions own, String keyword, Function<TaskOptions, Boolean> written,
                           Templar templar, Supplier<Map<String, Object>> vars, String where) {
        List<TaskOptions> levels = new ArrayList<>();
        if (own != null) {
            levels.add(own);
        }
        for (int i = scope.chain().size() - 1; i >= 0; i--) {
            levels.add(scope.chain().get(i));
        }
        for (TaskOptions level : levels) {
            Boolean value = written.apply(level);
            if (value != null) {
                return value;
            }
            Object template = level.deferred().get(keyword);
            if (template != null) {
                Object rendered = templar.template(template, vars.get(), where + " (" + keyword + ")");
                if (VarsBuilder.OMIT.equals(rendered)) {
                    continue;
                }
                return strict(keyword, rendered, where);
            }
        }
        return null;
    }

    /** Ansible's boolean(value, strict=True), with the error post_validate reports. */
    static boolean strict(String keyword, Object value, String where) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                ? String.valueOf(n.longValue()) : String.valueOf(value).trim().toLowerCase(java.util.Locale.ROOT);
        return switch (text) {
            case "y", "yes", "on", "1", "true", "t" -> true;
            case "n", "no", "off", "0", "false", "f" -> false;
            default -> throw new io.lvsplay.engine.template.TemplateError(where, 0, "the field '" + keyword
                    + "' has an invalid value (" + value + "), and could not be converted to an bool. The error was: "
                    + "The value '" + value + "' is not a valid boolean.  Valid booleans include: 'no', 'off', "
                    + "'false', 'f', 'y', '0', 'true', 'n', 'yes', 'on', '1', 't'", false);
        };
    }
}
