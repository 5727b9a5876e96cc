package io.lvsplay.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** -e/--extra-vars: key=value, JSON/YAML, or @file (repeatable; later ones win). */
final class ExtraVarsOptions {
    @Option(names = {"-e", "--extra-vars"}, paramLabel = "VARS",
            description = "Extra variables (highest precedence): key=value, JSON/YAML, or @file (repeatable).")
    List<String> extraVars = new ArrayList<>();

    Map<String, Object> parse() {
        return ExtraVars.parse(extraVars);
    }
}
