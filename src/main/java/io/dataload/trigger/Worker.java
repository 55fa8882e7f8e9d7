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
import io.dataload.queue.QueueException;
import io.dataload.queue.RunQueue;
import io.dataload.state.Leases;
import io.dataload.state.StateStore;
import io.dataload.state.StoredRun;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Takes run requests from a queue and runs them through the run session, each exactly once across
 * every worker sharing the store: a request runs under a lease taken in the store first and renewed
 * while it runs (its message kept hidden or unacknowledged meanwhile); the message is acknowledged
 * only after the outcome is recorded; a delivery of a request done already is dropped, one leased by
 * a live worker is handed back until that lease ends, one whose worker died is run again (the dead
 * worker's run recorded as abandoned); a request delivered too often, a message that is not a
 * request, or a request that does not validate goes to the dead-letter queue, recorded as failed.
 */
public final class Worker implements Stoppable {
    private static final Duration RECEIVE_WAIT = Duration.ofSeconds(2);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** How the worker behaves: runs at once, lease time, deliveries before the dead-letter queue, grace on stop. */
    public record Settings(int concurrency, Duration lease, int maxDeliveries, Duration grace, Path workDir) {
    }

    private final RunQueue queue;
    private final StateStore store;
    private final Leases leases;
    private final String storeUrl;
    private final Settings settings;
    private final Supplier<RunSession> sessions;
    private final Consumer<String> say;
    private final Clock clock;
    private final String me = io.dataload.execute.RunSession.HOST + ":" + ProcessHandle.current().pid();
    private final Semaphore slots;
    private final RunningRuns running = new RunningRuns();
    private final ExecutorService runs = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "dataload-worker-run");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService keeper = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "dataload-worker-lease");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Interruption.Stop stopped;

    public Worker(RunQueue queue, StateStore store, String storeUrl, Settings settings, Supplier<RunSession> sessions,
            Consumer<String> say, Clock clock) {
        this.queue = queue;
        this.store = store;
        this.leases = new Leases(store);
        this.storeUrl = storeUrl;
        this.settings = settings;
        this.sessions = sessions;
        this.say = say;
        this.clock = clock;
        this.slots = new Semaphore(settings.concurrency());
    }

    /** This worker's name in leases and messages: host:pid. */
    public String name() {
        return me;
    }

    /** Takes and runs requests until stopped; a queue lost on the way is tried again with backoff. */
    public void loop() throws InterruptedException {
        Duration backoff = Duration.ofSeconds(1);
        while (stopped == null) {
            if (!slots.tryAcquire(500, TimeUnit.MILLISECONDS)) {
                continue;
            }
            RunQueue.Delivery delivery;
            try {
                delivery = stopped == null ? queue.receive(RECEIVE_WAIT) : null;
                backoff = Duration.ofSeconds(1);
            } catch (QueueException e) {
                slots.release();
                say.accept("cannot use the queue: " + e.getMessage() + "; trying again in " + backoff.toSeconds() + " s");
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                continue;
            }
            if (delivery == null) {
                slots.release();
                continue;
            }
            RunQueue.Delivery taken = delivery;
            runs.execute(() -> {
                try {
                    handle(taken);
                } finally {
                    slots.release();
                }
            });
        }
    }

    private void handle(RunQueue.Delivery delivery) {
        RunMessage message;
        try {
            message = RunMessage.parse(delivery.body());
        } catch (IllegalArgumentException e) {
            malformed(delivery, e.getMessage());
            return;
        }
        String id = message.requestId();
        Leases.Decision decision;
        try {
            decision = leases.acquire(id, message.request().actionFile(), message.request().action(), me,
                    settings.lease().toMillis(), settings.maxDeliveries(), clock.millis());
        } catch (SQLException e) {
            say.accept("request " + id + ": cannot reach the run history (" + e.getMessage() + "); handed back for later");
            release(delivery, Duration.ofSeconds(5));
            return;
        }
        if (decision instanceof Leases.Drop drop) {
            say.accept("request " + id + ": " + drop.why() + "; this delivery is dropped");
            acknowledge(delivery, id);
        } else if (decision instanceof Leases.Park park) {
            // leased by a live worker: back to the queue until that lease could have ended
            release(delivery, Duration.ofMillis(Math.min(park.millis() + 200, Math.max(1000, queue.holdTime().toMillis() / 2))));
        } else if (decision instanceof Leases.Dead dead) {
            say.accept("request " + id + ": delivered " + dead.deliveries() + " times without an outcome; to "
                    + queue.deadLetterName());
            deadLetter(delivery, id, "delivered " + dead.deliveries() + " times without an outcome");
        } else {
            run(delivery, message, (Leases.Run) decision);
        }
    }

    private void run(RunQueue.Delivery delivery, RunMessage message, Leases.Run lease) {
        String id = message.requestId();
        if (lease.abandoned() != null) {
            say.accept("request " + id + ": run " + lease.abandoned() + " was abandoned (its worker stopped renewing"
                    + " the lease); running it again as " + lease.runId());
        }
        Map<String, String> params = new LinkedHashMap<>(message.request().params());
        params.put("request_id", id);
        RunRequest request = message.request().withParams(params).withState(storeUrl).triggeredBy("worker", queue.label())
                .withRunId(lease.runId());
        if (settings.workDir() != null) {
            request = request.inDirectory(settings.workDir());
        }
        CheckedRequest checked = FrontDoor.check(request);
        if (!checked.valid()) {
            String problems = String.join("; ", checked.problems().stream().map(Object::toString).toList());
            recordNotRun(request, lease.runId(), "does not validate: " + problems);
            say.accept("request " + id + " (" + request.actionFile() + " " + request.action() + "): does not validate: "
                    + problems + "; to " + queue.deadLetterName());
            complete(id, lease.runId(), "failed", 2);
            deadLetter(delivery, id, "does not validate: " + problems);
            return;
        }
        RunSession session = sessions.get();
        running.started(session);
        ScheduledFuture<?> renewal = keeper.scheduleAtFixedRate(() -> keep(delivery, id, lease.runId(), session),
                renewEvery().toMillis(), renewEvery().toMillis(), TimeUnit.MILLISECONDS);
        say.accept("request " + id + ": run " + lease.runId() + " of " + request.actionFile() + " " + request.action()
                + " started" + (lease.delivery() > 1 ? " (delivery " + lease.delivery() + ")" : ""));
        try {
            RunReport report = session.run(checked);
            renewal.cancel(false);
            ended(delivery, id, lease.runId(), report);
        } catch (ConfigException e) {
            renewal.cancel(false);
            complete(id, lease.runId(), "failed", 2);
            say.accept("request " + id + ": not run: " + e.getMessage() + "; to " + queue.deadLetterName());
            deadLetter(delivery, id, "not run: " + e.getMessage());
        } catch (RuntimeException e) {
            renewal.cancel(false);
            say.accept("request " + id + ": " + e + "; handed back");
            releaseLease(id, lease.runId());
            release(delivery, Duration.ZERO);
        } finally {
            running.ended(session);
        }
    }

    private void ended(RunQueue.Delivery delivery, String id, String runId, RunReport report) {
        switch (report.status()) {
            case INTERRUPTED -> {
                // stopped before it could end: the next delivery (at once, to another worker) runs it again
                releaseLease(id, runId);
                release(delivery, Duration.ZERO);
                say.accept("request " + id + ": run " + runId + " interrupted; handed back for another worker");
            }
            case BUSY, NOT_STARTED -> {
                releaseLease(id, runId);
                release(delivery, Duration.ofSeconds(10));
                say.accept("request " + id + ": not started (" + report.saveError() + "); handed back for later");
            }
            default -> {
                String outcome = report.status() == RunReport.Status.SUCCEEDED ? "succeeded" : "failed";
                if (complete(id, runId, outcome, report.exitCode())) {
                    acknowledge(delivery, id);
                    say.accept("request " + id + ": run " + runId + " " + outcome + " (exit " + report.exitCode() + ")"
                            + (report.storeProblem() == null ? "" : "; " + report.storeProblem()));
                } else {
                    // not recorded: not acknowledged either; its next delivery finds what the run table says
                    release(delivery, queue.holdTime());
                }
            }
        }
    }

    /** Renews the lease and keeps the message hidden; a lease lost to another worker stops the run. */
    private void keep(RunQueue.Delivery delivery, String id, String runId, RunSession session) {
        try {
            if (!leases.renew(id, runId, clock.millis() + settings.lease().toMillis())) {
                say.accept("request " + id + ": the lease of run " + runId + " was lost; stopping the run");
                session.interrupt(Interruption.Stop.TERMINATE);
                return;
            }
        } catch (SQLException e) {
            say.accept("request " + id + ": cannot renew the lease (" + e.getMessage() + "); trying again");
        }
        try {
            delivery.extend(queue.holdTime());
        } catch (QueueException e) {
            say.accept("request " + id + ": cannot keep its message hidden (" + e.getMessage() + ")");
        }
    }

    private Duration renewEvery() {
        long lease = settings.lease().toMillis() / 3;
        long hold = queue.holdTime().toMillis() / 3;
        return Duration.ofMillis(Math.max(200, Math.min(lease, hold)));
    }

    private boolean complete(String id, String runId, String outcome, int exitCode) {
        try {
            leases.complete(id, runId, outcome, exitCode, clock.millis());
            return true;
        } catch (SQLException e) {
            say.accept("request " + id + ": cannot record its outcome (" + e.getMessage() + "); left for its next delivery");
            return false;
        }
    }

    private void releaseLease(String id, String runId) {
        try {
            leases.release(id, runId, clock.millis());
        } catch (SQLException e) {
            say.accept("request " + id + ": cannot release its lease (" + e.getMessage() + "); it expires by itself");
        }
    }

    /** A message that is no run request: recorded as a failed run, then to the dead-letter queue. */
    private void malformed(RunQueue.Delivery delivery, String why) {
        String runId = io.dataload.state.RunId.next(clock.millis());
        recordNotRun(new RunRequest("dataload", "worker", Path.of("").toAbsolutePath(), null, "(not a run request)",
                "?", null, 1, Map.of(), null, null, "logs", false, List.of()).triggeredBy("worker", queue.label()),
                runId, "not a run request: " + why);
        say.accept("a message that is not a run request (" + why + ") recorded as run " + runId + "; to "
                + queue.deadLetterName());
        deadLetter(delivery, runId, "not a run request: " + why);
    }

    /** A run row (and its error) for a request that could not run. */
    private void recordNotRun(RunRequest request, String runId, String error) {
        long now = clock.millis();
        try {
            store.runStarted(new StoredRun(runId, null, "worker", "dataload", request.actionFile(), null, request.action(),
                    request.startingTable(), request.attempt(), request.arguments(), request.resourceFile(),
                    System.getProperty("user.name"), io.dataload.execute.RunSession.HOST, ProcessHandle.current().pid(), now, now, "failed", 2, null,
                    queue.label()));
            store.attemptRecorded(new io.dataload.state.StoredAttempt(runId, 1, "(request)", request.action(), null, 1,
                    now, now, 0, "failed", null, null, error, null, null, null, error));
        } catch (SQLException e) {
            say.accept("cannot record the failed request " + runId + ": " + e.getMessage());
        }
    }

    private void acknowledge(RunQueue.Delivery delivery, String id) {
        try {
            delivery.acknowledge();
        } catch (QueueException e) {
            say.accept("request " + id + ": cannot acknowledge its message (" + e.getMessage() + "); its next delivery"
                    + " will be dropped as done");
        }
    }

    private void release(RunQueue.Delivery delivery, Duration delay) {
        try {
            delivery.release(delay);
        } catch (QueueException e) {
            say.accept("cannot hand a message back (" + e.getMessage() + "); it comes back when its hold ends");
        }
    }

    private void deadLetter(RunQueue.Delivery delivery, String id, String why) {
        try {
            delivery.deadLetter(why);
        } catch (QueueException e) {
            say.accept("request " + id + ": cannot move its message to " + queue.deadLetterName() + " ("
                    + e.getMessage() + ")");
        }
    }

    @Override
    public void interrupt(Interruption.Stop stop) {
        stopped = stop;
        say.accept("stopping: nothing new is taken; " + running.size() + " running, given " + settings.grace().toSeconds()
                + " s to finish");
        running.stop(stop, settings.grace());
    }

    @Override
    public boolean awaitRecorded(long seconds) throws InterruptedException {
        boolean ended = running.await(seconds);
        runs.shutdown();
        return runs.awaitTermination(seconds, TimeUnit.SECONDS) && ended;
    }

    public Interruption.Stop stopped() {
        return stopped;
    }
}
