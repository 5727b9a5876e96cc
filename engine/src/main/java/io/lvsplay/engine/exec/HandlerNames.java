package io.lvsplay.engine.exec;

import io.lvsplay.engine.template.Templar;
import io.lvsplay.engine.template.TemplateError;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Which handler a notification names, as Ansible 2.14's search_handler_blocks_by_name: a handler's
 * name is templated once with the play's variables (no host's); one that cannot be is skipped, with a
 * warning when it has no listen topic either. The name matches as written or as "role : name". Among
 * handlers of one name the last group loaded wins (a play's handlers over its roles'), and within a
 * group the first.
 */
final class HandlerNames {
    private final Templar templar;
    private final Map<String, Object> playVars;
    private final Consumer<String> warn;
    /** Templated names; a handler whose name cannot be templated maps to itself (no String). */
    private final Map<PlayHandlers.Handler, Object> cache = new ConcurrentHashMap<>();

    HandlerNames(Templar templar, Map<String, Object> playVars, Consumer<String> warn) {
        this.templar = templar;
        this.playVars = playVars;
        this.warn = warn;
    }

    PlayHandlers.Handler find(List<PlayHandlers.Handler> handlers, String notified) {
        int lastGroup = handlers.isEmpty() ? -1 : handlers.get(handlers.size() - 1).group;
        for (int group = lastGroup; group >= 0; group--) {
            for (PlayHandlers.Handler h : handlers) {
                if (h.group != group) {
                    continue;
                }
                String name = nameOf(h);
                if (name == null) {
                    continue;
                }
                if (name.equals(notified) || h.item.role() != null
                        && notified.equals(h.item.role().name() + " : " + name)) {
                    return h;
                }
            }
        }
        return null;
    }

    private String nameOf(PlayHandlers.Handler h) {
        String written = h.item.options().name();
        if (written == null || !Templar.isTemplated(written)) {
            return written;
        }
        Object name = cache.computeIfAbsent(h, k -> {
            try {
                return String.valueOf(templar.template(written, playVars, h.item.location() + " (name)"));
            } catch (TemplateError e) {
                if (h.listen().isEmpty()) {
                    warn.accept("Handler '" + written + "' is unusable because it has no listen topics and the name"
                            + " could not be templated (host-specific variables are not supported in handler names)."
                            + " The error: " + e.detail());
                }
                return k;
            }
        });
        return name instanceof String s ? s : null;
    }
}
