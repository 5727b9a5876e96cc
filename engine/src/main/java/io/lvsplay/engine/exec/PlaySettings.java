package io.lvsplay.engine.exec;

import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.playbook.Play;
import io.lvsplay.engine.playbook.PlayKeywordValues;
import io.lvsplay.engine.playbook.PlaybookError;
import io.lvsplay.engine.template.Templar;
import io.lvsplay.engine.template.TemplateError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The play-only keywords, resolved once when the play starts like Ansible's play.post_validate: each
 * may be a template of the play's variables (vars, vars_files, role defaults/vars) and extra vars.
 */
record PlaySettings(String strategy, String order, List<Object> serial, boolean forceHandlers,
                    Double maxFailPercentage, boolean gatherFacts) {

    private static final Random SHUFFLE = new Random();

    static PlaySettings resolve(Play play, Templar templar, RunOptions options) {
        Map<String, Object> vars = playVars(play, options);
        try {
            Object strategyValue = template(templar, play.strategy(), vars, play);
            String strategy = strategyValue == null ? "linear"
                    : choice("strategy", strategyValue, PlayKeywordValues.STRATEGIES);
            Object order = template(templar, play.order(), vars, play);
            List<Object> serial = new ArrayList<>();
            for (Object batch : play.serial()) {
                Object value = template(templar, batch, vars, play);
                if (value instanceof List<?> list) {
                    serial.addAll(list);
                } else if (value != null) {
                    serial.add(value);
                }
            }
            Object force = template(templar, play.forceHandlers(), vars, play);
            Boolean forceHandlers = force == null ? Boolean.valueOf(options.forceHandlers()) : ModuleArgs.toBool(force);
            if (forceHandlers == null) {
                throw new PlaybookError(play.location(), "'force_handlers' must be a boolean, got: " + force);
            }
            Object percent = template(templar, play.maxFailPercentage(), vars, play);
            Object gather = template(templar, play.options().deferred().get("gather_facts"), vars, play);
            boolean gatherFacts = gather == null ? play.gatherFacts()
                    : FlagKeywords.strict("gather_facts", gather, play.location().toString());
            return new PlaySettings(strategy, order == null ? "inventory"
                    : choice("order", order, PlayKeywordValues.ORDERS), serial, forceHandlers,
                    percent == null ? null : PlayKeywordValues.percentage(percent), gatherFacts);
        } catch (IllegalArgumentException e) {
            throw new PlaybookError(play.location(), e.getMessage());
        } catch (TemplateError e) {
            throw new PlaybookError(play.location(), e.getMessage());
        }
    }

    /**
     * Ansible templates a play's name with the play's variables before printing its banner
     * ({@code name: "play {{ x }}"}); a name that cannot be templated (a host variable) stays as written.
     */
    static Play withTemplatedName(Play play, Templar templar, RunOptions options) {
        if (play.name() == null || !Templar.isTemplated(play.name())) {
            return play;
        }
        try {
            return play.withName(String.valueOf(templar.template(play.name(), playVars(play, options), "name of play")));
        } catch (TemplateError e) {
            return play;
        }
    }

    /** What play-level templates see: the play's own variables, then extra vars above them all. */
    static Map<String, Object> playVars(Play play, RunOptions options) {
        Map<String, Object> vars = new LinkedHashMap<>(play.roleDefaults());
        vars.putAll(play.vars());
        vars.putAll(play.varsFromFiles());
        vars.putAll(play.roleVars());
        vars.putAll(options.extraVars());
        vars.put("omit", VarsBuilder.OMIT);
        return vars;
    }

    boolean free() {
        return !strategy.equals("linear");
    }

    /** The play's hosts in the order the play asks for (Ansible's inventory.get_hosts(order=...)). */
    List<String> ordered(List<String> hosts) {
        List<String> out = new ArrayList<>(hosts);
        switch (order) {
            case "reverse_inventory" -> Collections.reverse(out);
            case "sorted" -> Collections.sort(out);
            case "reverse_sorted" -> out.sort(Collections.reverseOrder());
            case "shuffle" -> Collections.shuffle(out, SHUFFLE);
            default -> {
            }
        }
        return out;
    }

    private static Object template(Templar templar, Object value, Map<String, Object> vars, Play play) {
        Object out = Templar.isTemplated(value) ? templar.template(value, vars, play.location() + " (play keyword)") : value;
        return VarsBuilder.OMIT.equals(out) ? null : out; // "{{ x | default(omit) }}" leaves the keyword unset
    }

    private static String choice(String key, Object value, List<String> known) {
        return PlayKeywordValues.choice(key, String.valueOf(value).trim(), known);
    }
}
