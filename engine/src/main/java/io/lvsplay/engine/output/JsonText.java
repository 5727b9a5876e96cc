package io.lvsplay.engine.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;

/** JSON the way Ansible prints results: compact for item labels, 4-space indented for results. */
public final class JsonText {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("    ", "\n"))
            .withArrayIndenter(new DefaultIndenter("    ", "\n"));

    private JsonText() {
    }

    /** json.dumps' default separators: ", " and ": ", no newlines. */
    private static final class PythonSeparators extends MinimalPrettyPrinter {
        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    }

    /** Strings as they are (item=foo), everything else as compact JSON (item={"a": 1}). */
    public static String compact(Object value) {
        if (value instanceof String s) {
            return s;
        }
        try {
            return MAPPER.writer(new PythonSeparators()).writeValueAsString(value);
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
