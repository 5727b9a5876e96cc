package io.lvsplay.engine.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** JSON the way Ansible prints results: compact for item labels, 4-space indented for results. */
public final class JsonText {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("    ", "\n"))
            .withArrayIndenter(new DefaultIndenter("    ", "\n"));

    private JsonText() {
    }

    /** Strings as they are (item=foo), everything else as compact JSON (item={"a": 1}). */
    public static String compact(Object value) {
        if (value instanceof String s) {
            return s;
        }
        try {
            return MAPPER.writeValueAsString(value).replace("\":", "\": ").replace(",\"", ", \"");
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    public static String pretty(Object value) {
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(value).replace("\" : ", "\": ");
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
