package io.lvsplay.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.playbook.FakeModulesAccess;
import io.lvsplay.engine.playbook.Play;
import io.lvsplay.engine.playbook.PlaybookError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vars_prompt: -e wins, an empty answer takes the default, private hides the echo, no terminal is an error. */
class VarsPrompterTest {
    @TempDir
    Path dir;

    private Play play() throws Exception {
        Path file = dir.resolve("site.yml");
        Files.writeString(file, """
                - hosts: all
                  vars_prompt:
                    - name: user
                      prompt: Who
                      default: bob
                      private: no
                    - name: pw
                      prompt: Password
                  tasks: []
                """);
        return FakeModulesAccess.load(file).plays().get(0);
    }

    @Test
    void answersBecomePlayVarsAndAnEmptyAnswerTakesTheDefault() throws Exception {
        List<String> asked = new ArrayList<>();
        Play answered = VarsPrompter.answer(play(), Map.of(), (q, hidden) -> {
            asked.add(q + (hidden ? " (hidden)" : ""));
            return q.startsWith("Who") ? "" : "s3cret";
        });
        assertEquals("bob", answered.vars().get("user"));
        assertEquals("s3cret", answered.vars().get("pw"));
        assertEquals(List.of("Who [bob]: ", "Password:  (hidden)"), asked);
    }

    @Test
    void aVariableSetWithExtraVarsIsNotAsked() throws Exception {
        List<String> asked = new ArrayList<>();
        Play answered = VarsPrompter.answer(play(), Map.of("pw", "given"), (q, hidden) -> {
            asked.add(q);
            return null;
        });
        assertEquals(List.of("Who [bob]: "), asked);
        assertEquals("bob", answered.vars().get("user"));
        assertTrue(!answered.vars().containsKey("pw"));
    }

    @Test
    void withoutATerminalAQuestionWithoutDefaultIsAClearError() throws Exception {
        PlaybookError e = assertThrows(PlaybookError.class, () -> VarsPrompter.answer(play(), Map.of(), (q, h) -> null));
        assertTrue(e.getMessage().contains("vars_prompt 'pw' needs an answer and there is no terminal"), e.getMessage());
        assertTrue(e.getMessage().contains("-e pw=VALUE"), e.getMessage());
    }
}
