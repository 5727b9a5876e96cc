package io.lvsplay.cli.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * keepalived.conf as a tree: every line is a statement of words, and a statement followed by
 * {@code {} is a block with children. Comments start with {@code #} or {@code !}.
 */
record ConfTree(List<String> words, List<ConfTree> children, int line) {

    static ConfTree parse(String text, String source) {
        ConfTree root = new ConfTree(List.of(), new ArrayList<>(), 0);
        List<ConfTree> stack = new ArrayList<>(List.of(root));
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceAll("[#!].*$", "").replace("{", " { ").replace("}", " } ").strip();
            if (line.isEmpty()) {
                continue;
            }
            List<String> words = new ArrayList<>();
            for (String w : line.split("\\s+")) {
                if (w.equals("{")) {
                    ConfTree parent = stack.get(stack.size() - 1);
                    ConfTree block = words.isEmpty() && !parent.children().isEmpty()
                            ? parent.children().remove(parent.children().size() - 1) // "{" on its own line
                            : new ConfTree(List.copyOf(words), new ArrayList<>(), i + 1);
                    parent.children().add(block);
                    stack.add(block);
                    words.clear();
                } else if (w.equals("}")) {
                    addStatement(stack, words, i + 1);
                    if (stack.size() == 1) {
                        throw new ImportException(source + ":" + (i + 1) + ": '}' without a block to close");
                    }
                    stack.remove(stack.size() - 1);
                } else {
                    words.add(w);
                }
            }
            addStatement(stack, words, i + 1);
        }
        if (stack.size() > 1) {
            ConfTree open = stack.get(stack.size() - 1);
            throw new ImportException(source + ":" + open.line() + ": block '" + String.join(" ", open.words()) + "' is never closed");
        }
        return root;
    }

    private static void addStatement(List<ConfTree> stack, List<String> words, int line) {
        if (!words.isEmpty()) {
            stack.get(stack.size() - 1).children().add(new ConfTree(List.copyOf(words), new ArrayList<>(), line));
            words.clear();
        }
    }

    String keyword() {
        return words.isEmpty() ? "" : words.get(0);
    }

    List<ConfTree> all(String keyword) {
        return children.stream().filter(c -> c.keyword().equals(keyword)).toList();
    }

    Optional<String> value(String keyword) {
        return all(keyword).stream().findFirst().map(c -> c.words().size() > 1 ? c.words().get(1) : "");
    }

    boolean has(String keyword) {
        return !all(keyword).isEmpty();
    }
}
