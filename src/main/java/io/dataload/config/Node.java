package io.dataload.config;

import java.util.List;
import java.util.Map;

/**
 * A JSON value with the place it was read from. {@code value} is a String, Number, Boolean,
 * null, an ordered {@code Map<String, Node>} or a {@code List<Node>}.
 */
public record Node(Object value, Location location) {

    public boolean isObject() {
        return value instanceof Map;
    }

    public boolean isArray() {
        return value instanceof List;
    }

    public boolean isString() {
        return value instanceof String;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Node> fields() {
        return (Map<String, Node>) value;
    }

    @SuppressWarnings("unchecked")
    public List<Node> items() {
        return (List<Node>) value;
    }

    public String text() {
        return (String) value;
    }

    /** The JSON type name used in messages ("a string", "an object"...). */
    public String typeName() {
        if (value == null) {
            return "null";
        } else if (value instanceof Map) {
            return "an object";
        } else if (value instanceof List) {
            return "a list";
        } else if (value instanceof String) {
            return "a string";
        } else if (value instanceof Boolean) {
            return "a boolean";
        }
        return "a number";
    }
}
