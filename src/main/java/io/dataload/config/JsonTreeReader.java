package io.dataload.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON into {@link Node}s that remember line and column. Like Python's json module, a
 * repeated key keeps its first position and its last value.
 */
public final class JsonTreeReader {
    private static final int MAX_DEPTH = 200;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private final Path file;

    public JsonTreeReader(Path file) {
        this.file = file;
    }

    public Node read(String text) throws ConfigException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ConfigException(Location.of(file, 1, 1), "the file is empty; expected a JSON object");
            }
            Node root = readValue(parser);
            if (parser.nextToken() != null) {
                throw new ConfigException(where(parser.currentTokenLocation()),
                        "unexpected text after the end of the JSON value");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ConfigException(where(e.getLocation()), "invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(Location.file(file), "cannot read: " + e.getMessage());
        }
    }

    private Node readValue(JsonParser parser) throws IOException {
        Location at = where(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, Node> fields = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    fields.put(name, readValue(parser));
                }
                return new Node(fields, at);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser));
                }
                return new Node(items, at);
            }
            case VALUE_STRING:
                return new Node(parser.getText(), at);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new Node(parser.getNumberValue(), at);
            case VALUE_TRUE:
                return new Node(Boolean.TRUE, at);
            case VALUE_FALSE:
                return new Node(Boolean.FALSE, at);
            case VALUE_NULL:
                return new Node(null, at);
            default:
                throw new JsonProcessingExceptionAt("unexpected token " + token, parser);
        }
    }

    private Location where(JsonLocation location) {
        if (location == null) {
            return Location.file(file);
        }
        return Location.of(file, location.getLineNr(), location.getColumnNr());
    }

    /** A parse error raised by this reader itself rather than by Jackson. */
    private static final class JsonProcessingExceptionAt extends JsonProcessingException {
        JsonProcessingExceptionAt(String message, JsonParser parser) {
            super(message, parser.currentTokenLocation());
        }
    }
}
