package io.lvsplay.engine.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Locates the inventories under src/test/resources/inventory and writes throwaway ones. */
final class Fixtures {
    private Fixtures() {
    }

    static Path path(String relative) {
        try {
            return Path.of(Fixtures.class.getResource("/inventory/" + relative).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test fixture inventory/" + relative, e);
        }
    }

    static Inventory load(String relative) {
        return InventoryLoader.load(List.of(path(relative).toString()));
    }

    /** Writes text to dir/name (creating parents) and returns the file. */
    static Path write(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Inventory loadText(Path dir, String name, String text) {
        return InventoryLoader.load(List.of(write(dir, name, text).toString()));
    }
}
