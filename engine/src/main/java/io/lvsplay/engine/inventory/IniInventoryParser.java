package io.lvsplay.engine.inventory;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Ansible's INI inventory format into an {@link InventoryModel}. Lines before the first
 * section belong to "ungrouped"; {@code [g]} lists hosts, {@code [g:children]} subgroups and
 * {@code [g:vars]} one {@code key=value} per line.
 */
final class IniInventoryParser {
    private static final Pattern SECTION = Pattern.compile("^\\[([^:\\]\\s]+)(?::(\\w+))?\\]\\s*(?:#.*)?$");
    private static final Pattern GROUP_NAME = Pattern.compile("^([^:\\]\\s]+)\\s*(?:#.*)?$");

    private enum State { HOSTS, CHILDREN, VARS }

    private final InventoryModel model;
    private final String file;
    private String group = InventoryModel.UNGROUPED;
    private State state = State.HOSTS;
    private int lineNumber;

    private IniInventoryParser(InventoryModel model, String file) {
        this.model = model;
        this.file = file;
    }

    static void parse(InventoryModel model, String file, String text) {
        new IniInventoryParser(model, file).parseLines(text.lines().toList());
    }

    private void parseLines(List<String> lines) {
        for (String raw : lines) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                enterSection(section.group(1), section.group(2));
            } else if (line.startsWith("[") && line.endsWith("]")) {
                throw error("invalid section header '" + line + "' — write [group], [group:children] or [group:vars], without spaces");
            } else {
                switch (state) {
                    case HOSTS -> hostLine(line);
                    case CHILDREN -> childLine(line);
                    case VARS -> varLine(line);
                }
            }
        }
    }

    private void enterSection(String name, String kind) {
        group = name;
        state = switch (kind == null ? "hosts" : kind) {
            case "hosts" -> State.HOSTS;
            case "children" -> State.CHILDREN;
            case "vars" -> State.VARS;
            default -> throw error("section [" + name + ":" + kind + "] has unknown type '" + kind + "' — use [" + name + "], [" + name
                    + ":children] or [" + name + ":vars]");
        };
        model.group(name);
    }

    /** {@code name[:port] key=value ...}; values are Python literals, as in Ansible. */
    private void hostLine(String line) {
        List<String> words;
        try {
            words = ShellWords.split(line);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage() + " — close the quote or escape it with a backslash");
        }
        if (words.isEmpty()) {
            return;
        }
        HostDefinition definition;
        try {
            definition = HostDefinition.parse(words.get(0));
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
        for (String word : words.subList(1, words.size())) {
            if (word.indexOf('=') <= 0) {
                throw error("expected key=value host variable after host '" + words.get(0) + "', got '" + word
                        + "' — quote values that contain spaces, e.g. key=\"a b\"");
            }
        }
        for (String host : definition.names()) {
            model.addHost(host, group, definition.port());
            for (String word : words.subList(1, words.size())) {
                int equals = word.indexOf('=');
                model.setHostVar(host, word.substring(0, equals), PythonLiteral.valueOf(word.substring(equals + 1)), file, lineNumber);
            }
        }
    }

    private void childLine(String line) {
        Matcher child = GROUP_NAME.matcher(line);
        if (!child.matches()) {
            throw error("expected a group name in [" + group + ":children], got '" + line + "' — list one group name per line");
        }
        model.addChild(group, child.group(1), file, lineNumber);
    }

    /** The whole rest of the line is the value, so quotes stay and go to literal_eval like in Ansible. */
    private void varLine(String line) {
        int equals = line.indexOf('=');
        if (equals < 0) {
            throw error("expected key=value in [" + group + ":vars], got '" + line + "' — write one key=value per line");
        }
        String key = line.substring(0, equals).strip();
        if (key.isEmpty()) {
            throw error("missing variable name before '=' in [" + group + ":vars] — write key=value");
        }
        model.setGroupVar(group, key, PythonLiteral.valueOf(line.substring(equals + 1).strip()), file, lineNumber);
    }

    private InventoryError error(String message) {
        return new InventoryError(file, lineNumber, message);
    }
}
