package io.dataload.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What every run-history store does, on SQLite and on PostgreSQL alike. */
abstract class StateStoreContract {

    /** The URL of an empty store for this test. */
    abstract String url();

    private static StoredRun run(String id, String parent, String file, long started) {
        return new StoredRun(id, parent, "cli", "dataload", file, "/abs/" + file, "load", null, 1,
                List.of("run", file, "load"), null, "me", "box", 42L, started, null, "running", null, "logs/x.log",
                parent == null ? null : "OnSuccess");
    }

    @Test
    void recordsRunsAttemptsAndChainsAndReadsThemBack() throws Exception {
        try (StateStore store = StateStore.open(url())) {
            store.runStarted(run("01A", null, "configs/a.json", 1000));
            store.attemptRecorded(new StoredAttempt("01A", 1, "t1", "load", "sql/t1.sql", 1, 1000L, 1500L, 7, "done",
                    null, null, null, null, null, null, null));
            store.attemptRecorded(new StoredAttempt("01A", 2, "t2", "load", "sql/t2.sql", 1, 1500L, 1600L, 0, "failed",
                    "42P01", 0, "relation \"x\" does not exist", "sql/t2.sql", 2, 3, "42P01: relation \"x\" does not exist"));
            store.runStarted(run("01B", "01A", "configs/b.json", 1700));
            store.runFinished("01B", 1800, "succeeded", null);
            store.runFinished("01A", 2000, "failed", 1);
            store.runStarted(run("01C", null, "configs/c.json", 3000));

            List<StoredRun> newest = store.runs(10, null, null);
            assertEquals(List.of("01C", "01A"), newest.stream().map(StoredRun::runId).toList(), "chained runs are not listed");
            assertEquals(List.of("01A"), store.runs(10, "failed", null).stream().map(StoredRun::runId).toList());
            assertEquals(List.of("01C"), store.runs(10, null, "*/c.json").stream().map(StoredRun::runId).toList());
            assertEquals(List.of("01C"), store.runs(1, null, null).stream().map(StoredRun::runId).toList());
            StoredRun a = store.run("01A");
            assertEquals(1, a.exitCode());
            assertEquals(2000L, a.finishedMs());
            assertEquals(List.of("run", "configs/a.json", "load"), a.arguments());
            assertNull(store.run("01"), "a beginning two runs share names none");
            assertEquals(List.of("01B"), store.children("01A").stream().map(StoredRun::runId).toList());
            List<StoredAttempt> attempts = store.attempts("01A");
            assertEquals(2, attempts.size());
            StoredAttempt failed = attempts.get(1);
            assertEquals("42P01", failed.sqlState());
            assertEquals(3, failed.line());
            assertEquals(2, failed.statement());
            assertEquals("sql/t2.sql", failed.errorFile());
        }
    }

    @Test
    void anOpenedStoreIsAtTheNewestMigrationAndReopensWithoutMigrating() throws Exception {
        try (StateStore store = StateStore.open(url())) {
            store.runStarted(run("01A", null, "a.json", 1));
        }
        try (StateStore again = StateStore.open(url())) {
            assertEquals(1, again.runs(10, null, null).size());
        }
    }
}
