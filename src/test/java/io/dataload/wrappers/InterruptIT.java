package io.dataload.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataload.execute.LocalServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM in the middle of a run: the running statement is cancelled and rolled back, the
 * results file says what was interrupted, the error notification still runs, the exit code is 143
 * (128 + SIGTERM; 130 for Ctrl-C's SIGINT);
 * a following --resume completes the work with no row loaded twice.
 */
class InterruptIT {
    @TempDir
    Path dir;

    @BeforeEach
    void project() throws Exception {
        LocalServers.postgres("drop table if exists dl_interrupt_it",
                "create table dl_interrupt_it (step text)");
        Files.writeString(dir.resolve("step.sql"), "insert into dl_interrupt_it values ('#table_name#');");
        Files.writeString(dir.resolve("slow.sql"), "insert into dl_interrupt_it values ('#table_name#');\n"
                + "select pg_sleep(#sleep#) /* dl_interrupt_it marker */;");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": ["
                + "{\"name\": \"first\", \"scripts\": {\"load\": \"step.sql\"}},"
                + "{\"name\": \"slow\", \"scripts\": {\"load\": \"slow.sql\"}},"
                + "{\"name\": \"last\", \"scripts\": {\"load\": \"step.sql\"}}],"
                + " \"OnErrorNotification\": \"printf '%s %s' #'table_name'# #'error'# > notified.txt\"}");
    }

    @AfterEach
    void drop() throws Exception {
        try (Connection connection = DriverManager.getConnection(LocalServers.POSTGRES);
                Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists dl_interrupt_it");
        }
    }

    @ParameterizedTest
    @CsvSource({"TERM, 143", "INT, 130"})
    void aSignalStopsRecordsAndResumeCompletes(String signal, int exitCode) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of("bin/dataload").toAbsolutePath().toString(), "run", "-q",
                "--db", LocalServers.POSTGRES, "-P", "sleep=60", "a.json", "load"));
        Process run = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        waitForSlowStatement();
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, String.valueOf(run.pid())).start().waitFor());
        assertTrue(run.waitFor(30, TimeUnit.SECONDS), "the run stops");
        String output = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertEquals(exitCode, run.exitValue(), output);
        assertEquals("slow interrupted", Files.readString(dir.resolve("notified.txt")));
        assertEquals(List.of("first"), steps(), "the interrupted insert was rolled back");
        JsonNode results = results();
        assertEquals(List.of("done", "interrupted", "not run"), statuses(results));

        command.set(command.indexOf("sleep=60"), "sleep=0");
        command.add(2, "--resume");
        Process resume = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String resumed = new String(resume.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, resume.waitFor(), resumed);
        assertEquals(List.of("first", "last", "slow"), steps(), "each step exactly once");
    }

    private static void waitForSlowStatement() throws Exception {
        try (Connection admin = DriverManager.getConnection(LocalServers.POSTGRES);
                Statement statement = admin.createStatement()) {
            for (int i = 0; i < 300; i++) {
                try (ResultSet rows = statement.executeQuery("select 1 from pg_stat_activity where query like"
                        + " '%dl_interrupt_it marker%' and state = 'active' and pid <> pg_backend_pid()")) {
                    if (rows.next()) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the slow statement never started");
    }

    private static List<String> steps() throws Exception {
        List<String> steps = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(LocalServers.POSTGRES);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select step from dl_interrupt_it order by step")) {
            while (rows.next()) {
                steps.add(rows.getString(1));
            }
        }
        return steps;
    }

    private JsonNode results() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
            Path file = files.filter(p -> p.toString().endsWith(".results.json")).findFirst().orElseThrow();
            return new ObjectMapper().readTree(file.toFile());
        }
    }

    private static List<String> statuses(JsonNode results) {
        List<String> statuses = new ArrayList<>();
        results.path("entries").forEach(entry -> statuses.add(entry.path("status").asText()));
        return statuses;
    }
}
