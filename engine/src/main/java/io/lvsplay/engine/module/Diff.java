package io.lvsplay.engine.module;

/**
 * Before and after text of one thing (a file, a sysctl value), shown as a unified diff under --diff.
 * {@code secret} diffs are never printed (they carry passwords).
 */
public record Diff(String label, String before, String after, boolean secret) {

    public static Diff of(String label, String before, String after) {
        return new Diff(label, before, after, false);
    }
}
