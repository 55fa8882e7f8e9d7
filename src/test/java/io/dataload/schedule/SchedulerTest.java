package io.dataload.schedule;

import io.dataload.cli.CliRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.execute.Interruption;
import io.dataload.execute.RunSession;
import io.dataload.notify.NotificationSender;
import io.dataload.state.StateStore;
import io.dataload.state.StoredRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler on an injected clock: overlap skip and queue, catch-up from the store, a stop with a grace period. */
class SchedulerTest {
    @TempDir
    Path dir;
    private final List<String> said = new CopyOnWriteArrayList<>();

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(String start) {
            now = Instant.parse(start);
        }

        void set(String instant) {
            now = Instant.parse(instant);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private Schedule schedule(String overlap, String catchup, String cron) throws Exception {
        // each run notes itself, then waits until the test releases it
        Files.writeString(dir.resolve("job.sh"), "echo run >> ran.txt; while [ ! -f release ]; do sleep 0.02; done");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"a\", \"scripts\": {\"exec\": \"job.sh\"}}]}");
        Files.writeString(dir.resolve("s.yml"), "jobs:\n  - name: j\n    cron: \"" + cron + "\"\n"
                + "    run: {file: a.json, action: exec}\n    overlap: " + overlap + "\n    catchup: " + catchup + "\n");
        return new ScheduleReader(dir, "logs", null).read("s.yml");
    }

    private Scheduler scheduler(Schedule schedule, Clock clock) {
        return new Scheduler(schedule, clock, () -> new RunSession(record -> { }, Map.of(),
                region -> NotificationSender.standard(() -> null)), said::add, Duration.ofSeconds(1));
    }

    private int runs() throws Exception {
        Path ran = dir.resolve("ran.txt");
        return Files.exists(ran) ? Files.readAllLines(ran).size() : 0;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), "in time");
    }

    /** A job's sla: a run still going after it runs OnSlaMiss once and carries on; a fast run sends nothing. */
    @Test
    void aJobsSlaRunsOnSlaMissOnceForASlowRunAndNeverForAFastOne() throws Exception {
        Files.writeString(dir.resolve("job.sh"), "echo run >> ran.txt; while [ ! -f release ]; do sleep 0.02; done");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"a\", \"scripts\": {\"exec\": \"job.sh\"}}]}");
        Files.writeString(dir.resolve("s.yml"), "jobs:\n  - name: j\n    cron: \"* * * * *\"\n"
                + "    run: {file: a.json, action: exec}\n    sla: 300ms\n"
                + "    OnSlaMiss: {command: \"echo '#table_name# #sla#' >> missed.txt\"}\n");
        TestClock clock = new TestClock("2026-05-01T00:00:59Z");
        Scheduler scheduler = scheduler(new ScheduleReader(dir, "logs", null).read("s.yml"), clock);
        clock.set("2026-05-01T00:01:00Z");
        scheduler.tick();
        waitFor(() -> Files.exists(dir.resolve("missed.txt")));
        Thread.sleep(700);
        assertEquals(1, scheduler.active("j"), "the run carries on");
        Files.writeString(dir.resolve("release"), "");
        waitFor(() -> scheduler.active("j") == 0);
        clock.set("2026-05-01T00:02:00Z");
        scheduler.tick();
        waitFor(() -> {
            try {
                return runs() == 2 && scheduler.active("j") == 0;
            } catch (Exception e) {
                return false;
            }
        });
        Thread.sleep(500);
        assertEquals(List.of("a 300ms"), Files.readAllLines(dir.resolve("missed.txt")), "once, for the slow run only");
        CliRun history = CliRun.of("history", "-C", dir.toString());
        assertEquals(1, history.out().lines().filter(l -> l.contains("succeeded (sla missed)")).count(), history.out());
        assertEquals(2, history.out().lines().filter(l -> l.contains("succeeded")).count(), history.out());
    }

    @Test
    void overlapSkipNeverRunsTwoAtOnce() throws Exception {
        TestClock clock = new TestClock("2026-05-01T00:00:30Z");
        Scheduler scheduler = scheduler(schedule("skip", "none", "* * * * *"), clock);
        assertEquals(Instant.parse("2026-05-01T00:01:00Z"), scheduler.tick());
        assertEquals(0, scheduler.active("j"));
        clock.set("2026-05-01T00:01:00Z");
        scheduler.tick();
        waitFor(() -> scheduler.active("j") == 1);
        clock.set("2026-05-01T00:02:00Z");
        scheduler.tick();
        clock.set("2026-05-01T00:03:00Z");
        scheduler.tick();
        assertEquals(1, scheduler.active("j"));
        Files.writeString(dir.resolve("release"), "");
        waitFor(() -> scheduler.active("j") == 0);
        Thread.sleep(200);
        assertEquals(1, runs());
        assertEquals(2, said.stream().filter(s -> s.contains("skipped: the previous run is still going")).count(), said.toString());
    }

    @Test
    void overlapQueueRunsTheMissedFireRightAfter() throws Exception {
        TestClock clock = new TestClock("2026-05-01T00:00:59Z");
        Scheduler scheduler = scheduler(schedule("queue", "none", "* * * * *"), clock);
        clock.set("2026-05-01T00:01:00Z");
        scheduler.tick();
        waitFor(() -> scheduler.active("j") == 1);
        clock.set("2026-05-01T00:02:00Z");
        scheduler.tick();
        clock.set("2026-05-01T00:03:00Z");
        scheduler.tick();
        Files.writeString(dir.resolve("release"), "");
        waitFor(() -> {
            try {
                return runs() == 2 && scheduler.active("j") == 0;
            } catch (Exception e) {
                return false;
            }
        });
        Thread.sleep(200);
        assertEquals(2, runs(), "one queued run, not one per missed fire");
    }

    @Test
    void catchUpRunsWhatWasMissedPerModeFromTheStore() throws Exception {
        Files.writeString(dir.resolve("release"), "");
        // a first scheduler records one run of job j at 01:00
        TestClock clock = new TestClock("2026-05-01T00:59:59Z");
        Scheduler first = scheduler(schedule("skip", "last", "0 * * * *"), clock);
        clock.set("2026-05-01T01:00:00Z");
        first.tick();
        waitFor(() -> first.active("j") == 0 && runsQuietly() == 1);
        Optional<StoredRun> last;
        try (StateStore store = StateStore.open("jdbc:sqlite:" + dir.resolve("logs/dataload.db"))) {
            last = Optional.ofNullable(store.lastRun("schedule", "j"));
        }
        assertTrue(last.isPresent(), "the run is recorded with trigger schedule and the job's name");
        // the session stamps runs with the real time; on the test's clock that run started at 01:00
        StoredRun real = last.get();
        last = Optional.of(new StoredRun(real.runId(), null, real.trigger(), real.tool(), real.actionFile(),
                real.filePath(), real.action(), null, 1, real.arguments(), null, real.user(), real.host(), real.pid(),
                Instant.parse("2026-05-01T01:00:00Z").toEpochMilli(), real.finishedMs(), real.outcome(),
                real.exitCode(), real.logFile(), real.triggerName()));
        assertEquals("j", real.triggerName());
        // down until 04:30: the 02:00, 03:00 and 04:00 fires were missed
        clock.set("2026-05-01T04:30:00Z");
        Scheduler afterLast = scheduler(schedule("skip", "last", "0 * * * *"), clock);
        Optional<StoredRun> recorded = last;
        afterLast.catchUp(job -> recorded);
        waitFor(() -> afterLast.active("j") == 0 && runsQuietly() == 2);
        Scheduler afterAll = scheduler(schedule("skip", "all", "0 * * * *"), clock);
        afterAll.catchUp(job -> recorded);
        waitFor(() -> afterAll.active("j") == 0 && runsQuietly() == 5);
        Scheduler none = scheduler(schedule("skip", "none", "0 * * * *"), clock);
        none.catchUp(job -> recorded);
        Thread.sleep(300);
        assertEquals(5, runs());
    }

    private int runsQuietly() {
        try {
            return runs();
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void aRunTheStopInterruptedRunsAgainAtTheNextStart() throws Exception {
        Files.writeString(dir.resolve("release"), "");
        TestClock clock = new TestClock("2026-05-01T00:30:00Z");
        Scheduler restarted = scheduler(schedule("skip", "none", "0 * * * *"), clock);
        StoredRun interrupted = new StoredRun("01X", null, "schedule", "dataload", "a.json", "/a.json", "exec", null, 1,
                List.of(), null, "me", "box", 1L, Instant.parse("2026-05-01T00:00:01Z").toEpochMilli(),
                Instant.parse("2026-05-01T00:00:05Z").toEpochMilli(), "interrupted", 143, null, "j");
        restarted.catchUp(job -> Optional.of(interrupted));
        waitFor(() -> restarted.active("j") == 0 && runsQuietly() == 1);
        assertTrue(said.stream().anyMatch(s -> s.contains("did not finish (interrupted); it runs again")), said.toString());
        StoredRun done = new StoredRun("01Y", null, "schedule", "dataload", "a.json", "/a.json", "exec", null, 1,
                List.of(), null, "me", "box", 1L, Instant.parse("2026-05-01T00:00:01Z").toEpochMilli(),
                Instant.parse("2026-05-01T00:00:05Z").toEpochMilli(), "succeeded", 0, null, "j");
        scheduler(schedule("skip", "none", "0 * * * *"), clock).catchUp(job -> Optional.of(done));
        Thread.sleep(300);
        assertEquals(1, runs(), "a finished run is not repeated");
    }

    @Test
    void aStopWaitsTheGraceThenInterruptsTheRunningRun() throws Exception {
        TestClock clock = new TestClock("2026-05-01T00:00:59Z");
        Scheduler scheduler = scheduler(schedule("skip", "none", "* * * * *"), clock);
        clock.set("2026-05-01T00:01:00Z");
        scheduler.tick();
        waitFor(() -> scheduler.active("j") == 1);
        long start = System.nanoTime();
        scheduler.interrupt(Interruption.Stop.TERMINATE);
        assertTrue(scheduler.awaitRecorded(20));
        assertTrue((System.nanoTime() - start) / 1e9 < 15, "the grace is 1 s");
        assertTrue(said.stream().anyMatch(s -> s.contains("interrupted (exit 143)")), said.toString());
        clock.set("2026-05-01T00:02:00Z");
        scheduler.tick();
        Thread.sleep(200);
        assertEquals(1, runs(), "nothing new starts once stopped");
    }
}
