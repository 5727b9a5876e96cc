package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.TaskParser;
import io.lvsplay.engine.template.Templar;
import io.lvsplay.engine.template.TemplateError;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluates loop / with_items / with_dict / with_sequence / with_fileglob into the list of items. */
final class LoopItems {
    private LoopItems() {
    }

    static List<Object> evaluate(Object loop, Templar templar, Map<String, Object> vars, String source) {
        if (loop instanceof TaskParser.WithItems withItems) {
            List<Object> flat = new ArrayList<>();
            for (Object item : asList(templar.template(withItems.items(), vars, source), source)) {
                if (item instanceof List<?> inner) {
                    flat.addAll(inner);
                } else {
                    flat.add(item);
                }
            }
            return flat;
        }
        if (loop instanceof TaskParser.WithDict withDict) {
            Object dict = templar.template(withDict.dict(), vars, source);
            if (!(dict instanceof Map<?, ?> map)) {
                throw new TemplateError(source, 0, "with_dict expects a dictionary, got: " + dict);
            }
            List<Object> items = new ArrayList<>();
            map.forEach((k, v) -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("key", k);
                entry.put("value", v);
                items.add(entry);
            });
            return items;
        }
        if (loop instanceof TaskParser.WithSequence seq) {
            return sequence(String.valueOf(templar.template(seq.spec(), vars, source)));
        }
        if (loop instanceof TaskParser.WithFileglob glob) {
            List<Object> files = new ArrayList<>();
            for (Object pattern : asList(templar.template(glob.patterns(), vars, source), source)) {
                Path p = Path.of(String.valueOf(pattern));
                Path dir = p.getParent() == null ? Path.of(".") : p.getParent();
                try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, p.getFileName().toString())) {
                    stream.forEach(f -> files.add(f.toString()));
                } catch (IOException e) {
                    // no match is an empty loop, as in Ansible
                }
            }
            return files;
        }
        return asList(templar.template(loop, vars, source), source);
    }

    private static List<Object> asList(Object value, String source) {
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        if (value == null) {
            return List.of();
        }
        throw new TemplateError(source, 0, "loop expects a list, got: " + value
                + " (use '| dict2items' for a dictionary)");
    }

    /** with_sequence: "start=1 end=5 stride=1 format=rs%d" or "count=3". */
    private static List<Object> sequence(String spec) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String word : spec.trim().split("\\s+")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                kv.put(word.substring(0, eq), word.substring(eq + 1));
            } else if (word.contains("-")) {
                String[] se = word.split("-", 2);
                kv.put("start", se[0]);
                kv.put("end", se[1]);
            }
        }
        int start = Integer.parseInt(kv.getOrDefault("start", "1"));
        int stride = Integer.parseInt(kv.getOrDefault("stride", "1"));
        int end = kv.containsKey("count") ? start + (Integer.parseInt(kv.get("count")) - 1) * stride
                : Integer.parseInt(kv.getOrDefault("end", String.valueOf(start)));
        String format = kv.getOrDefault("format", "%d");
        List<Object> items = new ArrayList<>();
        for (int i = start; stride > 0 ? i <= end : i >= end; i += stride) {
            items.add(String.format(format, i));
        }
        return items;
    }
}
