package io.lvsplay.engine.playbook;

import java.nio.file.Path;
import java.util.List;

/** A parsed, validated playbook: plays in order (import_playbook already expanded). */
public record Playbook(Path file, List<Play> plays) {
}
