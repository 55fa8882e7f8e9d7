package io.dataload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run leaves on disk and what --resume reads from it: a log of its own that never follows a
 * link, one results file per run even for runs in the same second, resume over every earlier run
 * of the same file (and only that file), and a lock against resuming a run that still goes.
 */
class RunRecordTest {
    @TempDir
    Path dir;

    private void parallelFile(String name, String... entries) throws Exception {
        StringBuilder tables = new StringBuilder();
        for (String entry : entries) {
            tables.append(tables.length() == 0 ? "" : ", ").append("{\"name\": \"").append(entry)
                    .append("\", \"scripts\": {\"exec\": \"step.sh\"}}");
        }
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"Mode\": \"Parallel\", \"Tables\": [" + tables + "]}");
    }

    /** step.sh fails for the entries listed in fail.txt, and notes every run of an entry in ran.txt. */
    private void stepScript() throws Exception {
        Files.writeString(dir.resolve("step.sh"), "echo #table_name# >> ran.txt; ! grep -qx #table_name# fail.txt");
        Files.writeString(dir.resolve("fail.txt"), "");
    }

    private List<String> ran() throws Exception {
        Path file = dir.resolve("ran.txt");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private List<Path> logs(String suffix) throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)
                    && !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    @Test
    void theLogNeverFollowsALinkNorAppendsToAFile() throws Exception {
        stepScript();
        parallelFile("p.json", "p1");
        Files.createDirectories(dir.resolve("logs"));
        Path victim = dir.resolve("victim.txt");
        Files.writeString(victim, "precious\n");
        LocalDateTime now = LocalDateTime.now();
        for (int s = 0; s < 5; s++) {
            String stamp = DateTimeFormatter.ofPattern("MMddyyyyHHmmss").format(now.plusSeconds(s));
            Files.createSymbolicLink(dir.resolve("logs/dataload_p_exec_1_" + stamp + ".log"), victim);
        }
        CliRun run = CliRun.run(dir, "-q", "p.json", "exec");
        assertEquals(0, run.exit(), run.all());
        assertEquals("precious\n", Files.readString(victim));
        List<Path> real = logs(".log").stream().filter(p -> !Files.isSymbolicLink(p)).toList();
        assertEquals(1, real.size(), real.toString());
        assertTrue(Files.readString(real.get(0)).contains("finished \"exec\""));
    }

    @Test
    void runsInTheSameSecondEachKeepTheirOwnLogAndResults() throws Exception {
        stepScript();
        parallelFile("p.json", "p1");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<CliRun>> runs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            runs.add(pool.submit(() -> CliRun.run(dir, "-q", "p.json", "exec")));
        }
        for (Future<CliRun> run : runs) {
            CliRun done = run.get();
            assertEquals(0, done.exit(), done.all());
            assertFalse(done.all().contains("could not"), done.all());
        }
        pool.shutdown();
        assertEquals(10, logs(".results.json").size());
        assertEquals(10, logs(".log").size());
        for (Path log : logs(".log")) {
            String text = Files.readString(log);
            assertEquals(1, text.split("finished \"exec\"", -1).length - 1, log + ":\n" + text);
        }
    }

    @Test
    void resumeSeesEveryEarlierRunOfTheSameFileOnly() throws Exception {
        stepScript();
        parallelFile("p.json", "p1", "p2");
        Files.writeString(dir.resolve("fail.txt"), "p1\n");
        assertEquals(1, CliRun.run(dir, "-q", "p.json", "exec", "p1").exit());
        assertEquals(0, CliRun.run(dir, "-q", "p.json", "exec", "p2").exit());
        Files.writeString(dir.resolve("fail.txt"), "");
        Files.delete(dir.resolve("ran.txt"));
        CliRun resume = CliRun.run(dir, "-q", "--resume", "./p.json", "exec");
        assertEquals(0, resume.exit(), resume.all());
        assertEquals(List.of("p1"), ran(), "p1's failure is not hidden by the later run of p2");

        // x/r.json and x_r.json share the old name prefix: each resumes only its own runs
        parallelFile("x/r.json", "r1");
        parallelFile("x_r.json", "r1");
        Files.writeString(dir.resolve("fail.txt"), "r1\n");
        assertEquals(1, CliRun.run(dir, "-q", "x/r.json", "exec").exit());
        Files.writeString(dir.resolve("fail.txt"), "");
        assertEquals(0, CliRun.run(dir, "-q", "x_r.json", "exec").exit());
        Files.delete(dir.resolve("ran.txt"));
        CliRun again = CliRun.run(dir, "-q", "--resume", "x/r.json", "exec");
        assertEquals(0, again.exit(), again.all());
        assertEquals(List.of("r1"), ran());
        CliRun none = CliRun.run(dir, "-q", "--resume", "./x_r.json", "exec");
        assertTrue(none.out().contains("Nothing to resume"), none.all());
    }

    @Test
    void aResumeWaitsForTheRunOfTheSameFileToEnd() throws Exception {
        Files.writeString(dir.resolve("slow.sh"), "touch started; sleep 3");
        Files.writeString(dir.resolve("s.json"), "{\"Tables\": [{\"name\": \"s\", \"scripts\": {\"exec\": \"slow.sh\"}}]}");
        CompletableFuture<CliRun> first = CompletableFuture.supplyAsync(() -> CliRun.run(dir, "-q", "s.json", "exec"));
        for (int i = 0; i < 100 && !Files.exists(dir.resolve("started")); i++) {
            Thread.sleep(50);
        }
        CliRun resume = CliRun.run(dir, "-q", "--resume", "s.json", "exec");
        assertEquals(ExitCodes.BUSY, resume.exit(), resume.all());
        assertTrue(resume.err().contains("a run of this file and action is still going"), resume.all());
        assertEquals(0, first.get().exit());
        CliRun after = CliRun.run(dir, "-q", "--resume", "s.json", "exec");
        assertEquals(0, after.exit(), after.all());
        assertTrue(after.out().contains("Nothing to resume"), after.all());
    }

    @Test
    void aLogFolderThatCannotBeUsedStopsTheRunBeforeAnythingRunsAndSaysWhy() throws Exception {
        stepScript();
        parallelFile("p.json", "p1");
        Files.writeString(dir.resolve("filelog"), "");
        CliRun run = CliRun.run(dir, "-q", "--log-dir", "filelog", "p.json", "exec");
        assertEquals(1, run.exit(), run.all());
        assertTrue(run.err().contains("not a directory"), run.all());
        assertEquals(List.of(), ran(), "nothing ran");
    }

    @Test
    void aHistoryStoreThatCannotBeWrittenChangesNothingButIsSaidOnce() throws Exception {
        stepScript();
        parallelFile("p.json", "p1");
        Files.writeString(dir.resolve("blocker"), "");
        CliRun run = CliRun.run(dir, "-q", "--state", "jdbc:sqlite:" + dir.resolve("blocker/sub/dataload.db"), "p.json", "exec");
        assertEquals(0, run.exit(), run.all());
        assertEquals(List.of("p1"), ran());
        assertEquals(1, run.err().split("not recorded in the run history", -1).length - 1, run.err());
        assertTrue(run.err().contains("not a directory"), run.err());
        CliRun unknown = CliRun.run(dir, "-q", "--state", "jdbc:h2:mem:x", "p.json", "exec");
        assertEquals(0, unknown.exit(), unknown.all());
        assertTrue(unknown.err().contains("unsupported state store"), unknown.err());
    }
}
