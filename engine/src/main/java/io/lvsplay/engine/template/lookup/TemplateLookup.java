package io.lvsplay.engine.template.lookup;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lvsplay.engine.template.TemplateVars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * template: renders a controller template (searched in "templates/") with the task's variables
 * and {@code template_vars}; {@code variable_start_string} and the other delimiter options;
 * {@code convert_data} (default true) turns a rendered JSON-like mapping or list into data.
 */
final class TemplateLookup {
    private static final Set<String> OPTIONS = Set.of("convert_data", "template_vars", "variable_start_string",
            "variable_end_string", "comment_start_string", "comment_end_string", "jinja2_native");
    private static final ObjectMapper LITERALS = new ObjectMapper()
            .configure(JsonParser.Feature.ALLOW_SINGLE_QUOTES, true);

    private TemplateLookup() {
    }

    static List<Object> run(List<Object> terms, Map<String, Object> options, LookupContext context) {
        for (String key : options.keySet()) {
            if (!OPTIONS.contains(key)) {
                throw new LookupFailure("Unknown option for the template lookup: " + key);
            }
        }
        if (FileLookups.isTrue(options.getOrDefault("jinja2_native", false))) {
            throw new LookupFailure("lvsplay does not support the template lookup's jinja2_native option yet");
        }
        Map<String, Object> templateVars = new LinkedHashMap<>();
        if (options.get("template_vars") instanceof Map<?, ?> vars) {
            vars.forEach((k, v) -> templateVars.put(String.valueOf(k), v));
        }
        boolean convert = FileLookups.isTrue(options.getOrDefault("convert_data", true));
        List<Object> results = new ArrayList<>();
        for (Object term : terms) {
            String name = context.str(term);
            Path path = FileLookups.find(context, "templates", name).filter(Files::isRegularFile)
                    .orElseThrow(() -> new LookupFailure("the template file " + name
                            + " could not be found for the lookup"));
            String text;
            try {
                text = Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new LookupFailure("could not read template " + name + ": " + e.getMessage());
            }
            // as Ansible: template_path, template_fullpath (where includes are searched first) and the rest
            Map<String, Object> extra = new LinkedHashMap<>(TemplateVars.of(path, name, null));
            extra.putAll(templateVars);
            String rendered = context.render(Delimiters.of(options).toStandard(text), extra);
            results.add(convert ? toData(rendered) : rendered);
        }
        return results;
    }

    private static Object toData(String rendered) {
        String text = rendered.strip();
        if (text.startsWith("{") || text.startsWith("[")) {
            try {
                return LITERALS.readValue(text, Object.class);
            } catch (IOException e) {
                return rendered;
            }
        }
        return rendered;
    }
}
