package io.dataload.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long-running commands as processes: SIGTERM stops them with exit 143, a watched file whose run
 * was interrupted is taken again by the next start and archived once, nothing is lost or repeated.
 */
class TriggersIT {
    @TempDir
    Path dir;

    private Process start(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of("bin/dataload").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("out.txt").toFile())).start();
    }

    private List<String> log() throws Exception {
        Path file = dir.resolve("steps.txt");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        for (int i = 0; i < 600 && !condition.call(); i++) {
            Thread.sleep(50);
        }
        assertTrue(condition.call(), "in time: " + Files.readString(dir.resolve("out.txt")));
    }

    private int terminate(Process process) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "it stops");
        return process.exitValue();
    }

    @Test
    void aWatchStoppedMidRunTakesTheFileAgainAndArchivesItOnce() throws Exception {
        Files.writeString(dir.resolve("load.sh"), "echo start >> steps.txt; sleep 30; echo end >> steps.txt");
        Files.writeString(dir.resolve("w.json"), "{\"Tables\": [{\"name\": \"f\", \"scripts\": {\"exec\": \"load.sh\"}}]}");
        Files.createDirectories(dir.resolve("in"));
        Files.writeString(dir.resolve("in/cases.csv"), "1,a\n");
        Process first = start("watch", "--dir", "in", "--settle", "200ms", "--grace", "1s", "--archive", "done",
                "w.json", "exec");
        waitFor(() -> log().contains("start"));
        assertEquals(143, terminate(first));
        assertEquals(List.of("start"), log());
        assertTrue(Files.exists(dir.resolve("in/cases.csv")), "not archived: its run did not succeed");

        Files.writeString(dir.resolve("load.sh"), "echo start >> steps.txt; echo end >> steps.txt");
        Process second = start("watch", "--dir", "in", "--settle", "200ms", "--archive", "done", "w.json", "exec");
        waitFor(() -> Files.exists(dir.resolve("done/cases.csv")));
        Thread.sleep(1500); // a second run would show by now
        assertEquals(143, terminate(second));
        assertEquals(List.of("start", "start", "end"), log(), "taken again once, completed once");
        assertTrue(Files.readString(dir.resolve("out.txt")).contains("will be taken again"));
    }

    @Test
    void aScheduleStopsOnSigterm() throws Exception {
        Files.writeString(dir.resolve("t.sh"), "true");
        Files.writeString(dir.resolve("n.json"), "{\"Tables\": [{\"name\": \"a\", \"scripts\": {\"exec\": \"t.sh\"}}]}");
        Files.writeString(dir.resolve("s.yml"), "jobs:\n  - name: yearly\n    cron: \"@yearly\"\n    run: {file: n.json, action: exec}\n");
        Process schedule = start("schedule", "s.yml");
        waitFor(() -> Files.readString(dir.resolve("out.txt")).contains("job yearly: "));
        long begin = System.nanoTime();
        assertEquals(143, terminate(schedule));
        assertTrue((System.nanoTime() - begin) / 1e9 < 15, "no run to wait for: it stops at once");
    }
}
