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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of a run: the results file already says the run is going and which
 * entries finished; {@code --resume} reruns exactly the unfinished entry, after stopping the shell
 * process the killed run left behind, so the step never runs twice at the same time nor twice in all.
 */
class KillIT {
    @TempDir
    Path dir;

    @Test
    void resumeAfterKillNineRedoesOnlyTheUnfinishedEntryOnce() throws Exception {
        Files.writeString(dir.resolve("a.sh"), "echo A >> a.txt");
        Files.writeString(dir.resolve("b.sh"), "touch b.started; sleep 3; echo B >> b.txt");
        Files.writeString(dir.resolve("p.json"), "{\"Mode\": \"Parallel\", \"Tables\": ["
                + "{\"name\": \"a\", \"scripts\": {\"exec\": \"a.sh\"}},"
                + "{\"name\": \"b\", \"scripts\": {\"exec\": \"b.sh\"}}]}");
        List<String> command = new ArrayList<>(List.of(Path.of("bin/dataload").toAbsolutePath().toString(), "run", "-q",
                "p.json", "exec"));
        Process run = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        for (int i = 0; i < 200 && !(Files.exists(dir.resolve("b.started")) && Files.exists(dir.resolve("a.txt"))); i++) {
            Thread.sleep(50);
        }
        Thread.sleep(300);
        assertEquals(0, new ProcessBuilder("kill", "-9", String.valueOf(run.pid())).start().waitFor());
        assertTrue(run.waitFor(10, TimeUnit.SECONDS));

        JsonNode results = results();
        assertEquals("running", results.path("status").asText(), results.toPrettyString());
        assertEquals("done", results.path("entries").get(0).path("status").asText(), results.toPrettyString());
        assertEquals("running", results.path("entries").get(1).path("status").asText(), results.toPrettyString());
        assertTrue(Files.readString(logFile()).contains("[a] exec: a.sh"), "the log is written as the run goes");

        command.addAll(2, List.of("--resume", "-v"));
        Process resume = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(resume.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, resume.waitFor(), output);
        assertTrue(output.contains("stopped process"), output);
        Thread.sleep(3500); // the killed run's shell would have written its line by now
        assertEquals(List.of("A"), Files.readAllLines(dir.resolve("a.txt")), "a is not run again");
        assertEquals(List.of("B"), Files.readAllLines(dir.resolve("b.txt")), "b ran once in all");
    }

    private Path logFile() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".log")
                    && !p.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
        }
    }

    private JsonNode results() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
            Path file = files.filter(p -> p.getFileName().toString().endsWith(".results.json")).findFirst().orElseThrow();
            return new ObjectMapper().readTree(file.toFile());
        }
    }
}
