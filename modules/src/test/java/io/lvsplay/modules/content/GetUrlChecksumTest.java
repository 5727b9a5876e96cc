package io.lvsplay.modules.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvsplay.engine.module.ModuleFailure;
import org.junit.jupiter.api.Test;

/** get_url's checksum argument and checksum files, read as Ansible 2.14 reads them. */
class GetUrlChecksumTest {
    private static GetUrlModule.Checksum parse(String given, String file) {
        return GetUrlModule.Checksum.parse(given, "http://h/dl/x.tgz", url -> file);
    }

    @Test
    void aHashIsCleanedOfSeparatorsAndLowered() {
        assertEquals(new GetUrlModule.Checksum("sha256", "abcdef01"), parse("sha256:AB:CD EF-01", null));
    }

    @Test
    void aChecksumFileGivesTheLineForTheUrlsFileName() {
        assertEquals("def", parse("sha1:http://h/SUMS", "abc  other.tgz\ndef *./x.tgz\n").value());
        assertEquals("abc", parse("md5:https://h/x.tgz.md5", "abc\n").value());
        assertNull(GetUrlModule.Checksum.fromFile("abc  other.tgz\n", "x.tgz"));
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> parse("sha1:http://h/SUMS", "abc  other.tgz\n"));
        assertEquals("Unable to find a checksum for file 'x.tgz' in 'http://h/SUMS'", e.getMessage());
    }

    @Test
    void badFormsFailAsAnsibleDoes() {
        assertEquals("The checksum parameter has to be in format <algorithm>:<checksum>",
                assertThrows(ModuleFailure.class, () -> parse("abc", null)).getMessage());
        assertEquals("The checksum format is invalid", assertThrows(ModuleFailure.class, () -> parse("sha1:xyz", null)).getMessage());
    }

    @Test
    void theUrlsFileNameIsItsLastPathPartOrIndexHtml() {
        assertEquals("x.tgz", GetUrlModule.Checksum.urlFileName("http://h/dl/x.tgz?v=1"));
        assertEquals("index.html", GetUrlModule.Checksum.urlFileName("http://h/"));
    }
}
