package io.dataload.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.notify.NotificationSender;
import io.dataload.plan.CheckedRequest;
import io.dataload.plan.FrontDoor;
import io.dataload.plan.RunRequest;
import io.dataload.record.AttemptResult;
import io.dataload.record.EntryOutcome;
import io.dataload.record.LogRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run session started directly, as a scheduler or a worker will: no command line in between. */
class RunSessionTest {
    @TempDir
    Path dir;

    private RunReport run(RunRequest request, List<LogRecord> progress) throws Exception {
        CheckedRequest checked = FrontDoor.check(request);
        assertTrue(checked.valid(), checked.problems().toString());
        RunSession session = new RunSession(progress::add, Map.of(), region -> NotificationSender.standard(() -> {
            throw new AssertionError("no AWS in this test");
        }));
        return session.run(checked);
    }

    @Test
    void runsChainsRecordsAndReportsTypedResults() throws Exception {
        Files.writeString(dir.resolve("ok.sh"), "echo fine");
        Files.writeString(dir.resolve("create.sql"), "create table t (i int);\ninsert into t values (1), (2);");
        Files.writeString(dir.resolve("bad.sql"), "insert into t values (3);\n\nselect * from missing_table;");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"a\", \"scripts\": {\"exec\": \"ok.sh\"}}],"
                + " \"OnSuccess\": {\"run\": {\"file\": \"b.json\", \"action\": \"load\"}}}");
        Files.writeString(dir.resolve("b.json"), "{\"Tables\": [{\"name\": \"t\", \"scripts\": {\"load\": \"create.sql\"}},"
                + "{\"name\": \"u\", \"scripts\": {\"load\": \"bad.sql\"}}]}");
        List<LogRecord> progress = new CopyOnWriteArrayList<>();
        RunReport report = run(RunRequest.of(dir, "a.json", "exec"), progress);

        assertEquals(RunReport.Status.FAILED, report.status());
        assertEquals(List.of("a", "t", "u"), report.entries().stream().map(AttemptResult::entry).toList());
        AttemptResult failed = report.entries().get(2);
        assertEquals(EntryOutcome.FAILED, failed.outcome());
        assertNotNull(failed.failure().message());
        assertEquals("bad.sql", failed.failure().file());
        assertEquals(2, failed.failure().statement());
        assertEquals(3, failed.failure().line());
        assertEquals("select * from missing_table", failed.failure().statementText().strip().replaceAll(";$", ""));
        assertTrue(failed.error().contains("missing_table"), failed.error());
        assertEquals(2, report.entries().get(1).rows());
        assertNotNull(report.logFile());
        assertTrue(Files.exists(report.logFile()));
        assertNull(report.saveError());
        assertTrue(progress.stream().anyMatch(r -> r.text().startsWith("chained run \"load\"")), progress.toString());
    }

    @Test
    void anInterruptedSessionStopsAndSaysWhy() throws Exception {
        Files.writeString(dir.resolve("slow.sh"), "sleep 20");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"a\", \"scripts\": {\"exec\": \"slow.sh\"}}]}");
        CheckedRequest checked = FrontDoor.check(RunRequest.of(dir, "a.json", "exec"));
        RunSession session = new RunSession(record -> { }, Map.of(), region -> NotificationSender.standard(() -> null));
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            session.interrupt(Interruption.Stop.TERMINATE);
        });
        stopper.start();
        long start = System.nanoTime();
        RunReport report = session.run(checked);
        assertTrue((System.nanoTime() - start) / 1_000_000_000.0 < 10, "stopped long before the command ends");
        assertEquals(RunReport.Status.INTERRUPTED, report.status());
        assertEquals(Interruption.Stop.TERMINATE, report.stop());
        assertEquals(EntryOutcome.INTERRUPTED, report.entries().get(0).outcome());
    }
}
