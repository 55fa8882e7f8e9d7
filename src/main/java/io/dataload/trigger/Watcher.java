package io.dataload.trigger;

import io.dataload.config.ConfigException;
import io.dataload.execute.Interruption;
import io.dataload.execute.RunReport;
import io.dataload.execute.RunSession;
import io.dataload.execute.RunningRuns;
import io.dataload.execute.Stoppable;
import io.dataload.plan.CheckedRequest;
import io.dataload.plan.FrontDoor;
import io.dataload.plan.RunRequest;
import io.dataload.state.RunId;
import io.dataload.state.StateStore;
import io.dataload.state.StoredRun;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs an action once per arriving item. Each item version is claimed in the store's ledger before
 * its run starts, under the run's id, so duplicates (two notifications, a restart) never run it
 * twice; the source archives a file or deletes a message only after the run succeeded and is
 * recorded; a failed item stays and is recorded. At start, claims a stopped watcher left are settled
 * from their runs' outcomes: a run that succeeded is done, one that failed stays failed, one that
 * never ended is taken again.
 */
public final class Watcher implements Stoppable {
    private final Source source;
    private final RunRequest template;
    private final StateStore ledger;
    private final Supplier<RunSession> sessions;
    private final Consumer<String> say;
    private final int maxAttempts;
    private final Duration grace;
    private final Clock clock;
    private final Semaphore slots;
    private final ExecutorService runs = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "dataload-watch-run");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final RunningRuns running = new RunningRuns();
    private volatile Interruption.Stop stopped;

    public Watcher(Source source, RunRequest template, StateStore ledger, Supplier<RunSession> sessions,
            Consumer<String> say, int concurrency, int maxAttempts, Duration grace, Clock clock) {
        this.source = source;
        this.template = template;
        this.ledger = ledger;
        this.sessions = sessions;
        this.say = say;
        this.maxAttempts = maxAttempts;
        this.grace = grace;
        this.clock = clock;
        this.slots = new Semaphore(concurrency);
    }

    /** Settles the claims a stopped watcher left, from their runs' outcomes in the store. */
    public void recover() throws SQLException {
        for (StateStore.LedgerEntry entry : ledger.unsettled(source.name())) {
            StoredRun run = entry.runId() == null ? null : ledger.run(entry.runId());
            String outcome = run == null ? null : run.outcome();
            if ("succeeded".equals(outcome)) {
                ledger.settle(entry.source(), entry.key(), entry.version(), "done", "run " + run.runId(),
                        clock.millis());
                say.accept(entry.key() + ": its run " + run.runId() + " had succeeded before the stop; done");
            } else if ("failed".equals(outcome)) {
                ledger.settle(entry.source(), entry.key(), entry.version(), "failed", "run " + run.runId(),
                        clock.millis());
            } else {
                ledger.unclaim(entry.source(), entry.key(), entry.version());
                say.accept(entry.key() + ": its run did not end before the stop; it will be taken again");
            }
        }
    }

    /** One round: takes what is ready (as many as free slots allow) and starts their runs. */
    public int poll(Duration wait) throws Exception {
        int started = 0;
        for (Arrival arrival : source.poll(wait)) {
            String id = arrival.key() + "\0" + arrival.version();
            if (stopped != null || inFlight.contains(id)) {
                continue;
            }
            if (!slots.tryAcquire()) {
                break; // the rest waits for the next round
            }
            String runId = RunId.next(clock.millis());
            boolean claimed;
            try {
                claimed = ledger.claim(source.name(), arrival.key(), arrival.version(), runId, maxAttempts, clock.millis());
            } catch (SQLException e) {
                slots.release();
                say.accept(arrival.key() + ": cannot claim it in the run history (" + e.getMessage() + "); left for later");
                continue;
            }
            if (!claimed) {
                slots.release();
                StateStore.LedgerEntry entry = ledger.ledger(source.name(), arrival.key(), arrival.version());
                if (entry != null && entry.status().equals("done")) {
                    source.duplicate(arrival);
                }
                continue;
            }
            inFlight.add(id);
            started++;
            runs.execute(() -> run(arrival, runId, id));
        }
        return started;
    }

    private void run(Arrival arrival, String runId, String id) {
        RunSession session = sessions.get();
        running.started(session);
        source.stillRunning(arrival);
        try {
            Map<String, String> params = new LinkedHashMap<>(template.params());
            params.putAll(arrival.placeholders());
            RunRequest request = template.withParams(params).triggeredBy("watch", source.name()).withRunId(runId);
            CheckedRequest checked = FrontDoor.check(request);
            if (!checked.valid()) {
                settle(arrival, "failed", "not run: " + checked.problems());
                source.failed(arrival);
                say.accept(arrival.key() + ": not run: " + checked.problems());
                return;
            }
            say.accept(arrival.key() + ": run " + runId + " started");
            RunReport report = session.run(checked);
            if (report.status() == RunReport.Status.SUCCEEDED) {
                source.succeeded(arrival);
                settle(arrival, "done", "run " + runId);
                say.accept(arrival.key() + ": run " + runId + " succeeded" + (report.storeProblem() == null ? ""
                        : " (not recorded: " + report.storeProblem() + ")"));
            } else if (report.status() == RunReport.Status.INTERRUPTED) {
                ledger.unclaim(source.name(), arrival.key(), arrival.version());
                source.failed(arrival);
                say.accept(arrival.key() + ": run " + runId + " interrupted; it will be taken again");
            } else {
                settle(arrival, "failed", "run " + runId + " " + report.status().name().toLowerCase());
                source.failed(arrival);
                say.accept(arrival.key() + ": run " + runId + " " + report.status().name().toLowerCase()
                        + " (exit " + report.exitCode() + "); the file stays, its failure is recorded");
            }
        } catch (ConfigException e) {
            settle(arrival, "failed", e.getMessage());
            say.accept(arrival.key() + ": not run: " + e.getMessage());
        } catch (Exception e) {
            say.accept(arrival.key() + ": " + e);
            settle(arrival, "failed", String.valueOf(e.getMessage()));
        } finally {
            inFlight.remove(id);
            slots.release();
            running.ended(session);
        }
    }

    private void settle(Arrival arrival, String status, String message) {
        try {
            ledger.settle(source.name(), arrival.key(), arrival.version(), status, message, clock.millis());
        } catch (SQLException e) {
            say.accept(arrival.key() + ": cannot record " + status + " in the ledger: " + e.getMessage());
        }
    }

    /** Polls until stopped. */
    public void loop(Duration wait) throws Exception {
        while (stopped == null) {
            poll(wait);
        }
    }

    /** How many runs go now. */
    public int active() {
        return inFlight.size();
    }

    @Override
    public void interrupt(Interruption.Stop stop) {
        stopped = stop;
        say.accept("stopping: nothing new is taken; " + inFlight.size() + " running, given " + grace.toSeconds()
                + " s to finish");
        running.stop(stop, grace);
    }

    @Override
    public boolean awaitRecorded(long seconds) throws InterruptedException {
        return running.await(seconds) && inFlight.isEmpty();
    }

    public Interruption.Stop stopped() {
        return stopped;
    }
}
