package io.dataload.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped JSON Schema (docs/action-file.schema.json, for editors) accepts every action file the
 * readers accept: the shipped configs and every test file; it rejects what is plainly not one.
 */
class ActionFileSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("docs/action-file.schema.json")));
    }

    @Test
    void everyFileTheReaderAcceptsIsValid() throws Exception {
        JsonSchema schema = schema();
        List<String> rejected = new ArrayList<>();
        int accepted = 0;
        List<Path> files;
        try (Stream<Path> all = Stream.concat(Files.walk(Path.of("configs")), Files.walk(Path.of("src/test/resources")))) {
            files = all.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            try {
                new ActionFileReader().read(file.toString(), file);
            } catch (ConfigException e) {
                continue;
            }
            accepted++;
            Set<ValidationMessage> errors = schema.validate(JSON.readTree(file.toFile()));
            if (!errors.isEmpty()) {
                rejected.add(file + ": " + errors);
            }
        }
        assertTrue(accepted >= 30, "action files checked: " + accepted);
        assertEquals(List.of(), rejected);
    }

    @Test
    void whatIsNotAnActionFileIsRejected() throws Exception {
        JsonSchema schema = schema();
        for (String text : List.of("{}", "{\"Tables\": {}}", "{\"Tables\": [{\"name\": \"a\"}]}",
                "{\"Tables\": [{\"name\": \"a\", \"scripts\": {\"load\": 5}}]}",
                "{\"Tables\": [], \"OnError\": {\"x\": [{\"retry\": {\"after\": \"soon\"}}]}}",
                "{\"Tables\": [], \"OnSuccess\": {\"slack\": {\"text\": \"no webhook\"}}}")) {
            JsonNode node = JSON.readTree(text);
            assertFalse(schema.validate(node).isEmpty(), text);
        }
    }
}
