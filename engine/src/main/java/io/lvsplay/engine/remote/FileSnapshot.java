package io.lvsplay.engine.remote;

/** A path's stat and, for a regular file (or a link to one), its bytes; null content otherwise. */
public record FileSnapshot(FileStat stat, byte[] content) {
}
