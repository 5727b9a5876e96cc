package io.lvsplay.engine.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values are what Python 3.11's textwrap.wrap(text, 80) returns. */
class TextWrapTest {

    @Test
    void breaksBetweenWordsAtEightyColumns() {
        assertEquals(List.of("[WARNING]: conditional statements should not include jinja2 templating",
                        "delimiters such as {{ }} or {% %}. Found: \"{{ foo }}\" == \"bar\""),
                TextWrap.wrap("[WARNING]: conditional statements should not include jinja2 templating delimiters"
                        + " such as {{ }} or {% %}. Found: \"{{ foo }}\" == \"bar\"", 80));
    }

    @Test
    void breaksAfterAHyphenBetweenLettersButNotInsideShortSyllables() {
        assertEquals(List.of("[WARNING]: Using a variable for a task's 'args' is unsafe in some situations", "(see",
                        "https://docs.ansible.com/ansible/devel/reference_appendices/faq.html#argsplat-", "unsafe)"),
                TextWrap.wrap("[WARNING]: Using a variable for a task's 'args' is unsafe in some situations (see"
                        + " https://docs.ansible.com/ansible/devel/reference_appendices/faq.html#argsplat-unsafe)", 80));
        assertEquals(List.of("a-b-c ".repeat(13).strip(), "a-b-c ".repeat(13).strip(), "a-b-c ".repeat(4).strip()),
                TextWrap.wrap("a-b-c ".repeat(30), 80));
    }

    @Test
    void cutsAWordLongerThanTheWidthAndTurnsNewlinesIntoSpaces() {
        assertEquals(List.of("x".repeat(80), "x".repeat(80), "x".repeat(40) + " y"), TextWrap.wrap("x".repeat(200) + "\ny", 80));
    }
}
