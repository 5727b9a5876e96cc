package io.lvsplay.engine.module;

import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.template.Values;
import java.util.List;
import java.util.Map;

/** Whether a value can be read as an argument type, with Ansible's wording when it cannot. */
final class TypeCheck {
    private TypeCheck() {
    }

    static String problem(String name, Type type, Object value) {
        return switch (type) {
            case BOOL -> ModuleArgs.toBool(value) == null
                    ? "argument '" + name + "' is of type " + Values.typeName(value)
                    + " and we were unable to convert to bool: The value '" + value + "' is not a valid boolean."
                    : null;
            case INT -> parses(value, true) ? null
                    : "argument '" + name + "' is of type " + Values.typeName(value)
                    + " and we were unable to convert to int: '" + value + "' cannot be converted to an int";
            case FLOAT -> parses(value, false) ? null
                    : "argument '" + name + "' is of type " + Values.typeName(value)
                    + " and we were unable to convert to float: '" + value + "' cannot be converted to a float";
            case LIST -> value instanceof List || value instanceof String || value instanceof Number ? null
                    : "argument '" + name + "' is of type " + Values.typeName(value) + " and we were unable to convert to list";
            case DICT -> value instanceof Map || (value instanceof String s && s.strip().startsWith("{")) ? null
                    : "argument '" + name + "' is of type " + Values.typeName(value) + " and we were unable to convert to dict";
            // like Ansible, anything converts to a string (copy's content: a dict becomes JSON)
            case STR, PATH, RAW -> null;
        };
    }

    private static boolean parses(Object value, boolean integer) {
        if (value instanceof Boolean) {
            return false;
        }
        String text = String.valueOf(value).trim();
        try {
            if (integer) {
                Long.parseLong(text);
            } else {
                Double.parseDouble(text);
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
