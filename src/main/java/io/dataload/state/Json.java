package io.dataload.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** The arguments column: a JSON array of strings. */
final class Json {

    private Json() {
    }

    /** Written with the streaming generator: an object mapper's set-up would cost every run's start. */
    static String array(List<String> values) {
        java.io.StringWriter text = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator out = new com.fasterxml.jackson.core.JsonFactory()
                .createGenerator(text)) {
            out.writeStartArray();
            for (String value : values) {
                if (value == null) {
                    out.writeNull();
                } else {
                    out.writeString(value);
                }
            }
            out.writeEndArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
        return text.toString();
    }

    static List<String> parseArray(String text) {
        return parse(text, false);
    }

    /** A JSON array of strings and nulls. */
    static List<String> parseNullableArray(String text) {
        return parse(text, true);
    }

    private static List<String> parse(String text, boolean keepNulls) {
        List<String> values = new ArrayList<>();
        if (text == null) {
            return values;
        }
        try {
            new ObjectMapper().readTree(text)
                    .forEach(node -> values.add(keepNulls && node.isNull() ? null : node.asText()));
        } catch (JsonProcessingException e) {
            values.add(text);
        }
        return values;
    }
}
