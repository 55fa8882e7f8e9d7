package io.dataload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run-results file and --resume, with exec entries that count their runs. */
class ResumeTest {
    @TempDir
    Path dir;

    @BeforeEach
    void project() throws IOException {
        Files.writeString(dir.resolve("step.sh"), "echo run >> #table_name#.runs; [ #table_name# != b ] || [ -e fixed ]"
                + " || { echo 'b is broken'; exit 1; }");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": ["
                + "{\"name\": \"a\", \"scripts\": {\"exec\": \"step.sh\"}},"
                + "{\"name\": \"b\", \"scripts\": {\"exec\": \"step.sh\"}},"
                + "{\"name\": \"c\", \"scripts\": {\"exec\": \"step.sh\"}}]}");
    }

    private long runs(String entry) throws IOException {
        Path file = dir.resolve(entry + ".runs");
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }

    @Test
    void resumeRunsOnlyWhatFailedOrNeverRan() throws IOException {
        assertEquals(1, CliRun.run(dir, "a.json", "exec").exit());
        JsonNode results = lastResults();
        assertEquals("failed", results.path("status").asText());
        assertEquals(List.of("done", "failed", "not run"),
                List.of(status(results, 0), status(results, 1), status(results, 2)));
        assertEquals("Command returned non-zero exit status 1. b is broken",
                results.path("entries").get(1).path("error").asText());

        Files.createFile(dir.resolve("fixed"));
        CliRun resumed = CliRun.run(dir, "--resume", "a.json", "exec");
        assertEquals(0, resumed.exit(), resumed.all());
        assertEquals(List.of(1L, 2L, 1L), List.of(runs("a"), runs("b"), runs("c")));

        CliRun again = CliRun.run(dir, "--resume", "a.json", "exec");
        assertEquals(0, again.exit());
        assertTrue(again.out().contains("Nothing to resume"), again.out());
        assertEquals(List.of(1L, 2L, 1L), List.of(runs("a"), runs("b"), runs("c")));
    }

    @Test
    void resumeWithoutAnEarlierRunIsBadInput() {
        CliRun run = CliRun.run(dir, "--resume", "a.json", "exec");
        assertEquals(2, run.exit());
        assertEquals("a.json: --resume: no earlier run of \"exec\" over this file in logs/ to resume\n"
                + "dataload: 1 problem found; nothing was run.\n", run.err());
    }

    private JsonNode lastResults() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
            Path file = files.filter(p -> p.toString().endsWith(".results.json")).findFirst().orElseThrow();
            return new ObjectMapper().readTree(file.toFile());
        }
    }

    private static String status(JsonNode results, int index) {
        return results.path("entries").get(index).path("status").asText();
    }
}
