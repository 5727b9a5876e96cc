package io.lvsplay.agent.config;

import java.nio.file.Path;

/** A rules or config file that cannot be used; the message starts with FILE:LINE so editors can jump to it. */
public class InvalidConfigException extends Exception {
    private final String file;
    private final int line;

    public InvalidConfigException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public InvalidConfigException(Path file, int line, String problem) {
        this(file.toString(), line, problem);
    }

    public String file() { return file; }

    public int line() { return line; }
}
