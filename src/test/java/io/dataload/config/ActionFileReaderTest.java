package io.dataload.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionFileReaderTest {
    @TempDir
    Path dir;

    private ActionFile read(String json) throws IOException, ConfigException {
        Files.writeString(dir.resolve("a.json"), json);
        return new ActionFileReader().read("a.json", dir.resolve("a.json"));
    }

    private List<String> problems(String json) throws IOException {
        Files.writeString(dir.resolve("a.json"), json);
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ActionFileReader().read("a.json", dir.resolve("a.json")));
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void readsTheOriginalFormat() throws Exception {
        ActionFile file = read("""
                {
                  "Tables": [
                    { "name": "analysts_2010",
                      "description": "2010 analysts snapshot",
                      "scripts": {
                        "create": { "file": "postgres/sql/create_analysts_yyyy.sql" },
                        "exec":   { "file": "postgres/sql/copy_data.sql", "OnSuccess": "./SendToQueue.py CasesAreReady" },
                        "drop":   "postgres/sql/drop_table.sql",
                        "extract": { "file": "q.sql", "delimeter": "|", "doublequote": "False" }
                      },
                      "OnError": { "AnyOther": ["Stop"] } }
                  ],
                  "Mode": "Parallel",
                  "Placeholders": [ { "name": "#bucket#", "value": "kdsupportdata" }, { "name": "#n#", "value": 5 } ],
                  "OnError": { "1051": ["Ignore"], "does not exist": ["Ignore", "echo again"], "AnyOther": ["Stop"] },
                  "OnSuccess": "echo all",
                  "OnSuccessdrop": "echo dropped",
                  "OnSuccessNotification": "echo ok #action#",
                  "OnErrorNotification": "echo failed #action# #error#"
                }
                """);
        assertEquals(Mode.PARALLEL, file.mode());
        TableEntry entry = file.tables().get(0);
        assertEquals("analysts_2010", entry.name());
        assertEquals(List.of("create", "exec", "drop", "extract"), List.copyOf(entry.scripts().keySet()));
        assertEquals("postgres/sql/drop_table.sql", entry.scripts().get("drop").file());
        assertEquals("./SendToQueue.py CasesAreReady", entry.scripts().get("exec").onSuccess().get(0).toString());
        assertEquals("|", entry.scripts().get("extract").option("delimeter"));
        assertEquals(new Location("a.json", 6, 29), entry.scripts().get("create").location());
        assertEquals("5", file.placeholders().get(1).value());
        assertEquals(List.of("1051", "does not exist"), file.onError().rules().stream().map(ErrorRule::key).toList());
        assertInstanceOf(Command.class, file.onError().rules().get(1).answers().get(1));
        assertEquals("echo dropped", file.onSuccessFor("drop").get(0).toString());
        assertEquals(List.of(), file.onSuccessFor("create"));
        assertEquals("echo all", file.onSuccess().get(0).toString());
        assertNull(entry.scripts().get("drop").onError());
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws IOException {
        assertEquals(List.of("a.json:3:1: invalid JSON: Unexpected end-of-input: expected close marker for Array (start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 12])"),
                problems("{\"Tables\": [\n  {\"name\": \"x\", \"scripts\": {}}\n"));
    }

    @Test
    void everyShapeProblemIsReportedAtOnce() throws IOException {
        assertEquals(List.of(
                        "a.json:3:24: table \"t\": action \"load\" must be a file path or an object with \"file\", found a number",
                        "a.json:4:21: \"OnError\" \"x\": must be a list with one answer per attempt, like [\"Stop\"], found a string",
                        "a.json:5:27: \"OnError\" \"AnyOther\": \"stop\" would run as a shell command; write \"Stop\"",
                        "a.json:7:3: \"Mode\" must be \"Sequential\" or \"Parallel\", found \"Both\""),
                problems("""
                        {"Tables": [
                          {"name": "t",
                           "scripts": {"load": 5},
                           "OnError": {"x": "Stop"}}],
                         "OnError": {"AnyOther": ["stop"]},
                         "Mode":
                          "Both"}
                        """));
    }

    @Test
    void missingTablesAndNamesAreErrors() throws IOException {
        assertEquals(List.of("a.json:1:1: missing \"Tables\": the list of entries to run"), problems("{}"));
        assertEquals(List.of("a.json:1:13: entry: missing \"name\""), problems("{\"Tables\": [{\"scripts\": {}}]}"));
        assertEquals(List.of("a.json:1:1: an action file must be a JSON object with \"Tables\", found a list"),
                problems("[]"));
        assertEquals(List.of("a.json:1:1: the file is empty; expected a JSON object"), problems(""));
    }

    @Test
    void aMissingFileIsNamed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ActionFileReader().read("nope.json", dir.resolve("nope.json")));
        assertEquals("nope.json: file not found", e.getMessage());
    }
}
