package io.lvsplay.cli;

import io.lvsplay.it.LvsplayRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs playbooks from src/test/resources/semantics/ through the real CLI, in this JVM, against
 * hosts with ansible_connection=local. Playbooks only touch files under {{ base }}, a fresh
 * temporary folder per test.
 */
abstract class SemanticsTestBase {

    static final String TWO_HOSTS = "[web]\nh1 ansible_connection=local\nh2 ansible_connection=local\n";
    static final String ONE_HOST = "[web]\nh1 ansible_connection=local\n";

    @TempDir
    Path base;

    private String inventory = TWO_HOSTS;

    /** Replaces the default inventory (two local hosts h1, h2 in group web). */
    void inventory(String ini) {
        this.inventory = ini;
    }

    static Path playbook(String name) {
        URL url = SemanticsTestBase.class.getResource("/semantics/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test playbook semantics/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** lvsplay run -i INVENTORY PLAYBOOK -e base=TEMPDIR [options...] */
    LvsplayRun.Result run(String playbookName, String... options) {
        try {
            Path inv = base.resolve("inventory.ini");
            Files.writeString(inv, inventory);
            List<String> args = new ArrayList<>(List.of("run", "-i", inv.toString(), playbook(playbookName).toString(),
                    "-e", "base=" + base));
            args.addAll(List.of(options));
            return LvsplayRun.run(args.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file(String name) {
        return base.resolve(name);
    }

    String read(String name) {
        try {
            return Files.readString(base.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Messages printed by debug tasks ("msg": "..."), in output order. */
    static List<String> debugMessages(LvsplayRun.Result r) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"msg\": \"([^\"]*)\"").matcher(r.stdout());
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The line numbers (0-based) in stdout of the first line containing each text; -1 when absent. */
    static int lineOf(LvsplayRun.Result r, String text) {
        String[] lines = r.stdout().split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i;
            }
        }
        return -1;
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
