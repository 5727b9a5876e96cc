package io.lvsplay.engine.inventory;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.template.UnsafeText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "!unsafe" in group_vars/host_vars files, read by the inventory. */
class UnsafeGroupVarsTest {
    @TempDir
    Path dir;

    @Test
    void anUnsafeValueLoadsAsUnsafeText() throws IOException {
        Path file = Files.writeString(dir.resolve("all.yml"), "raw: !unsafe '{{ x }}'\n");
        assertInstanceOf(UnsafeText.class, VarsFiles.readMapping(file).get("raw"));
    }

    @Test
    void unsafeOnANestedCollectionIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("all.yml"), "m: !unsafe {a: [1]}\n");
        InventoryError e = assertThrows(InventoryError.class, () -> VarsFiles.readMapping(file));
        assertTrue(e.getMessage().contains("lvsplay does not support !unsafe"), e.getMessage());
    }
}
