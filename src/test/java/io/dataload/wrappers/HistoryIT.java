package io.dataload.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run history as users meet it, with real processes: runs writing one SQLite file at once are
 * all recorded, and `history` shows a run with its chained run and its failure's typed fields.
 */
class HistoryIT {
    @TempDir
    Path dir;

    private static String dataload() {
        return Path.of("bin/dataload").toAbsolutePath().toString();
    }

    private String run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(dataload()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return process.exitValue() + "\n" + output;
    }

    @Test
    void fourProcessesOfTwentyFiveRunsEachAreAllRecorded() throws Exception {
        Files.writeString(dir.resolve("t.sh"), "true");
        Files.writeString(dir.resolve("n.json"), "{\"Tables\": [{\"name\": \"a\", \"scripts\": {\"exec\": \"t.sh\"}}]}");
        Files.writeString(dir.resolve("loop.sh"), "for i in $(seq 25); do " + dataload() + " run -q n.json exec > /dev/null"
                + " || exit 1; done");
        List<Process> loops = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            loops.add(new ProcessBuilder("sh", "loop.sh").directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("loop" + i + ".txt").toFile()).start());
        }
        for (Process loop : loops) {
            assertTrue(loop.waitFor(240, TimeUnit.SECONDS), "the loop ends");
            assertEquals(0, loop.exitValue(), "every run exited 0");
        }
        String history = run("history", "--limit", "1000", "--json");
        assertTrue(history.startsWith("0\n"), history);
        List<String> lines = history.substring(2).lines().filter(l -> l.startsWith("{")).toList();
        assertEquals(100, lines.size(), "100 runs recorded, none lost");
        for (String line : lines) {
            assertEquals("succeeded", new ObjectMapper().readTree(line).path("outcome").asText(), line);
        }
    }

    @Test
    void historyShowsARunWithItsChainedRunAndItsFailure() throws Exception {
        Files.writeString(dir.resolve("ok.sh"), "echo fine");
        Files.writeString(dir.resolve("create.sql"), "create table t (i int);\ninsert into t values (1), (2);");
        Files.writeString(dir.resolve("bad.sql"), "insert into t values (3);\n\nselect * from missing_table;");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"a\", \"scripts\": {\"exec\": \"ok.sh\"}}],"
                + " \"OnSuccess\": {\"run\": {\"file\": \"b.json\", \"action\": \"load\"}}}");
        Files.writeString(dir.resolve("b.json"), "{\"Tables\": [{\"name\": \"t\", \"scripts\": {\"load\": \"create.sql\"}},"
                + "{\"name\": \"u\", \"scripts\": {\"load\": \"bad.sql\"}}]}");
        String run = run("run", "a.json", "exec");
        assertTrue(run.startsWith("1\n"), run);
        assertTrue(run.matches("(?s).*run [0-9A-Z]{26}: a\\.json exec.*"), run);

        String list = run("history");
        assertTrue(list.startsWith("0\n"), list);
        assertTrue(list.contains("a.json") && list.contains("failed") && list.contains("missing_table"), list);
        JsonNode last = new ObjectMapper().readTree(run("history", "--json").substring(2).lines().findFirst().orElseThrow());
        assertEquals(2, last.path("rows").asInt(), last.toString());
        String id = last.path("run_id").asText();
        String detail = run("history", id.substring(0, 20));
        assertTrue(detail.contains("run " + id + ": a.json exec, failed (exit 1)"), detail);
        assertTrue(detail.contains("    chained run "), detail);
        assertTrue(detail.contains("bad.sql:3 (statement 2)"), detail);
        JsonNode json = new ObjectMapper().readTree(run("history", id, "--json").substring(2));
        assertEquals("b.json", json.path("chained").get(0).path("file").asText(), json.toString());
        assertEquals(2, json.path("chained").get(0).path("attempts").size(), json.toString());
        assertTrue(run("history", "--status", "nope").startsWith("2\n"));
        assertTrue(run("history", "ZZZZ").startsWith("1\n"));
    }
}
