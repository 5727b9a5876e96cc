package io.lvsplay.engine.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.lvsplay.engine.template.UnsafeText;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * JSON as Python's json.dumps prints it for Ansible (ensure_ascii=False): compact with ", " and ": "
 * for item labels, 4-space indented for results and ansible-inventory, "{}" / "[]" when empty,
 * floats as Python's repr, control characters as lowercase \\u00xx. Jackson writes it.
 */
public final class JsonText {
    private static final ObjectMapper MAPPER = mapper(false);
    private static final ObjectMapper SORTED = mapper(true);

    private JsonText() {
    }

    private static ObjectMapper mapper(boolean sortKeys) {
        ObjectMapper mapper = new ObjectMapper()
                .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, sortKeys)
                .registerModule(new SimpleModule().addSerializer(Double.class, new PythonFloat())
                        .addSerializer(Float.class, new PythonFloat())
                        .addSerializer(UnsafeText.class, ToStringSerializer.instance));
        mapper.getFactory().setCharacterEscapes(new PythonEscapes());
        return mapper;
    }

    /** Strings as they are (item=foo), everything else as compact JSON (item={"a": 1}). */
    public static String compact(Object value) {
        if (value instanceof String || value instanceof UnsafeText) {
            return value.toString();
        }
        return write(MAPPER, value, new PythonSeparators());
    }

    /** As {@link #compact}, keys sorted: json.dumps(value, sort_keys=True), how Ansible prints results. */
    public static String compactSorted(Object value) {
        if (value instanceof String || value instanceof UnsafeText) {
            return value.toString();
        }
        return write(SORTED, value, new PythonSeparators());
    }

    /** json.dumps(value, indent=4), keys in their order. */
    public static String pretty(Object value) {
        return write(MAPPER, value, new PythonIndent());
    }

    /** json.dumps(value, indent=4, sort_keys=True): what ansible-inventory --list prints. */
    public static String prettySorted(Object value) {
        return write(SORTED, value, new PythonIndent());
    }

    private static String write(ObjectMapper mapper, Object value, com.fasterxml.jackson.core.PrettyPrinter printer) {
        try {
            return mapper.writer(printer).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
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

    /** indent=4: one entry per line, "key": value, and empty containers closed on the same line. */
    private static final class PythonIndent extends DefaultPrettyPrinter {
        PythonIndent() {
            DefaultIndenter indenter = new DefaultIndenter("    ", "\n");
            _objectIndenter = indenter;
            _arrayIndenter = indenter;
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new PythonIndent();
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            _nesting--;
            if (entries > 0) {
                _objectIndenter.writeIndentation(g, _nesting);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            _nesting--;
            if (values > 0) {
                _arrayIndenter.writeIndentation(g, _nesting);
            }
            g.writeRaw(']');
        }
    }

    /** Python's float repr: shortest digits, exponent form below 1e-4 and from 1e16 on. */
    private static final class PythonFloat extends JsonSerializer<Number> {
        @Override
        public void serialize(Number value, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeNumber(pythonFloat(value.doubleValue()));
        }
    }

    static String pythonFloat(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        String digits = decimal.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        String sign = value < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        String plain = decimal.abs().toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }

    /** Control characters without a short escape as Python writes them: lowercase \\u00xx. */
    private static final class PythonEscapes extends CharacterEscapes {
        private final int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();

        PythonEscapes() {
            for (int c = 0; c < 0x20; c++) {
                if (c != '\b' && c != '\t' && c != '\n' && c != '\f' && c != '\r') {
                    escapes[c] = CharacterEscapes.ESCAPE_CUSTOM;
                }
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            // asked for every non-ASCII character too: those stay as they are (ensure_ascii=False)
            return c < 0x20 ? new SerializedString(String.format("\\u%04x", c)) : null;
        }
    }
}
