package io.dataload.execute;

import io.dataload.state.StateException;
import io.dataload.state.StateStore;
import io.dataload.state.StoredAttempt;
import io.dataload.state.StoredRun;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A run's writes to the run-history store, made in order on a thread of their own, so that opening
 * the store and writing to it overlap with the run instead of delaying it; {@link #close} waits for
 * them. Recording never changes a run's outcome: when the store cannot be opened or written, the
 * run goes on, and the first reason is kept to be said once.
 */
final class History implements AutoCloseable {
    private static final long DRAIN_SECONDS = 120;

    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "dataload-history");
        thread.setDaemon(true);
        return thread;
    });
    private StateStore store;
    private volatile String problem;

    private History() {
    }

    static History open(String url) {
        History history = new History();
        history.writer.execute(() -> {
            try {
                history.store = StateStore.open(url);
            } catch (StateException e) {
                history.problem = e.getMessage();
            }
        });
        return history;
    }

    /** Why the run is not (completely) recorded; null when it is. Meaningful after {@link #close}. */
    String problem() {
        return problem;
    }

    void runStarted(StoredRun run) {
        write(() -> store.runStarted(run));
    }

    void runFinished(String runId, long at, String outcome, Integer exitCode) {
        write(() -> store.runFinished(runId, at, outcome, exitCode));
    }

    /** The run's end and its extracts' new watermarks, in one store transaction. */
    void runFinished(String runId, long at, String outcome, Integer exitCode, java.util.List<StateStore.Watermark> marks) {
        write(() -> store.runFinished(runId, at, outcome, exitCode, marks));
    }

    void attemptRecorded(StoredAttempt attempt) {
        write(() -> store.attemptRecorded(attempt));
    }

    /**
     * Records an SLA miss and says whether it is the run's first for that scope (the handlers run
     * only then). Waits for the store (a few seconds at most); without one, every miss is a first.
     */
    boolean slaMissed(StateStore.SlaMiss miss) {
        try {
            return writer.submit(() -> store == null || store.slaMissed(miss)).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                | java.util.concurrent.RejectedExecutionException e) {
            if (problem == null) {
                problem = "cannot record an SLA miss in " + (store == null ? "the store" : store.label()) + ": "
                        + (e.getCause() == null ? e : e.getCause()).getMessage();
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    void slaHandled(String runId, String scope, String handlers) {
        write(() -> store.slaHandled(runId, scope, handlers));
    }

    private interface Write {
        void run() throws SQLException;
    }

    private void write(Write write) {
        writer.execute(() -> {
            if (store == null) {
                return;
            }
            try {
                write.run();
            } catch (SQLException | RuntimeException e) {
                if (problem == null) {
                    problem = "cannot write to " + store.label() + ": " + e.getMessage();
                }
            }
        });
    }

    /** Waits for every write (the run's record must be complete when the command ends), then closes the store. */
    @Override
    public synchronized void close() {
        if (writer.isShutdown()) {
            return;
        }
        writer.execute(() -> {
            if (store != null) {
                store.close();
            }
        });
        writer.shutdown();
        try {
            if (!writer.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS) && problem == null) {
                problem = "the store did not answer within " + DRAIN_SECONDS + " s";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
