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

    /**
     * A request's lease: taken once; handed back while a live worker holds it; taken over when it
     * expired, the dead worker's run recorded as abandoned; dropped once complete; given up after too
     * many deliveries.
     */
    @Test
    void aLeaseIsTakenOnceTakenOverWhenItExpiresAndDroppedWhenDone() throws Exception {
        try (StateStore store = StateStore.open(url())) {
            Leases leases = new Leases(store);
            String request = "01KREQUEST0000000000000000";
            Leases.Decision first = leases.acquire(request, "a.json", "load", "host-a:1", 1000, 3, 10_000);
            assertEquals(new Leases.Run(request, 1, null), first);
            store.runStarted(run(request, null, "a.json", 10_000));
            assertEquals(new Leases.Park(1000, "host-a:1"), leases.acquire(request, "a.json", "load", "host-b:2", 1000, 3,
                    10_000));
            assertEquals(true, leases.renew(request, request, 11_500));
            // worker a died: nothing renews its lease past 11,500
            Leases.Run second = (Leases.Run) leases.acquire(request, "a.json", "load", "host-b:2", 1000, 3, 12_000);
            assertEquals(2, second.delivery());
            assertEquals(request, second.abandoned());
            assertEquals("abandoned", store.run(request).outcome());
            assertEquals(false, leases.renew(request, request, 20_000), "the dead worker's lease is gone");
            // worker b dies before it recorded anything: its run is recorded abandoned from the lease
            Leases.Run third = (Leases.Run) leases.acquire(request, "a.json", "load", "host-c:3", 1000, 3, 14_000);
            assertEquals(second.runId(), third.abandoned());
            assertEquals("abandoned", store.run(second.runId()).outcome());
            assertEquals("a.json", store.run(second.runId()).actionFile());
            store.runStarted(run(third.runId(), null, "a.json", 14_000));
            leases.complete(request, third.runId(), "succeeded", 0, 15_000);
            assertEquals(new Leases.Status("completed", third.runId(), "succeeded", 0, "host-c:3"), leases.status(request));
            assertEquals("succeeded", store.run(third.runId()).outcome());
            assertEquals(Leases.Drop.class, leases.acquire(request, "a.json", "load", "host-d:4", 1000, 3, 16_000).getClass());

            String stuck = "01KSTUCK000000000000000000";
            leases.acquire(stuck, "b.json", "load", "w:1", 100, 2, 1_000);
            assertEquals(Leases.Run.class, leases.acquire(stuck, "b.json", "load", "w:2", 100, 2, 2_000).getClass());
            assertEquals(new Leases.Dead(2), leases.acquire(stuck, "b.json", "load", "w:3", 100, 2, 3_000));
            assertEquals("dead", leases.status(stuck).state());
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
