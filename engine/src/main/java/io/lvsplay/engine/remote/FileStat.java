package io.lvsplay.engine.remote;

/**
 * What the host says about one path. {@code type} is one of file, directory, link, other, absent.
 * {@code mode} is the octal permission string like "0644".
 */
public record FileStat(String path, String type, String mode, String owner, String group,
                       long size, String linkTarget) {

    public static FileStat absent(String path) {
        return new FileStat(path, "absent", null, null, null, 0, null);
    }

    public boolean exists() {
        return !"absent".equals(type);
    }

    public boolean isFile() {
        return "file".equals(type);
    }

    public boolean isDirectory() {
        return "directory".equals(type);
    }

    public boolean isLink() {
        return "link".equals(type);
    }
}
