package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.lvsplay.it.LvsplayRun;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * An argument error Ansible finds when the task runs, in a task whose failure is handled, fails
 * that task at run time with Ansible's message (and the play goes on), as ansible-playbook 2.14 does.
 */
class HandledArgumentErrorsTest extends SemanticsTestBase {

    @Test
    void handledArgumentErrorsFailTheirTaskWithAnsiblesMessage() {
        inventory(ONE_HOST);
        LvsplayRun.Result r = run("handled-argument-errors.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("""
                True|missing required arguments: path
                True|value of state must be one of: file, directory, absent, link, hard, touch, got: bogus
                True|True
                False|parameters are mutually exclusive: msg|var
                """, read("results"));
        assertFalse(Files.exists(file("never")));
    }
}
