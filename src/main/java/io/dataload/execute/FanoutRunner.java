package io.dataload.execute;

import io.dataload.aws.AwsException;
import io.dataload.plan.Fanout;
import io.dataload.plan.Plan;
import io.dataload.plan.PlannedAction;
import io.dataload.record.AttemptResult;
import io.dataload.record.EntryOutcome;
import io.dataload.record.ExecutionLog;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One attempt of a fan-out action: its items listed one at a time and run at most
 * {@code concurrency} at once (no more than the pool's connections for SQL), each with the action's
 * own OnError answers (retries included). The action succeeds only if every item did; a listing that
 * fails (an unreadable folder, a bucket that does not answer) fails it with the reason. Each item's
 * lines go to the live log; the kept log has one line per item, and every attempt is recorded.
 */
final class FanoutRunner {
    /** The action's result; {@code itemsFailed} when it failed because items did (not because the listing did). */
    record Result(ActionResult result, boolean itemsFailed) {
    }

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final int NAMED_FAILURES = 5;

    private final Runner runner;
    private final Plan plan;
    private final ExecutionLog log;
    private final SessionServices services;
    private final int poolSize;
    private final Interruption interruption;
    private final RunProgress progress;
    private final Set<String> done;
    /** An item failed for a mistake in the action file: no more items are started. */
    private volatile boolean badInput;
    private final AtomicInteger succeeded = new AtomicInteger();
    private final AtomicInteger ignored = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicLong rows = new AtomicLong();
    private final List<String> failures = new ArrayList<>();

    FanoutRunner(Runner runner, Plan plan, ExecutionLog log, SessionServices services, int poolSize,
            Interruption interruption, RunProgress progress, Set<String> done) {
        this.runner = runner;
        this.plan = plan;
        this.log = log;
        this.services = services;
        this.poolSize = poolSize;
        this.interruption = interruption;
        this.progress = progress;
        this.done = done;
    }

    Result run(PlannedAction action, int attempt) throws InterruptedException {
        Instant start = Instant.now();
        Fanout fanout = action.fanout();
        String label = plan.entryLabel(action.name());
        int width = fanout.concurrency();
        if (action.kind().needsConnection()) {
            // a query's listing holds one of the pool's connections while the items run
            int free = poolSize - (fanout.source().kind().equals("query") ? 1 : 0);
            width = Math.max(1, Math.min(width, free));
        }
        log.add(label, "for each of the " + fanout.source() + ", " + width + " at a time"
                + (done.isEmpty() ? "" : "; " + done.size() + " items done before are not run again (--resume)"));
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(width, task -> {
            Thread thread = new Thread(task, "dataload-item-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Semaphore slots = new Semaphore(width);
        long listed = 0;
        long skipped = 0;
        String listingFailure = null;
        Instant nextProgress = Instant.now().plus(PROGRESS_EVERY);
        try (ItemSource items = services.items(fanout.source())) {
            for (ItemSource.Item item = items.next(); item != null && !interruption.interrupted() && !badInput;
                    item = items.next()) {
                listed++;
                if (done.contains(item.key())) {
                    skipped++;
                    continue;
                }
                slots.acquire();
                ItemSource.Item next = item;
                pool.execute(() -> {
                    try {
                        runItem(action, next, attempt);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        slots.release();
                    }
                });
                if (Instant.now().isAfter(nextProgress)) {
                    log.add(label, "items so far: " + listed + " listed, " + count() + " ended (" + failed.get() + " failed)");
                    nextProgress = Instant.now().plus(PROGRESS_EVERY);
                }
            }
        } catch (IOException | SQLException | AwsException e) {
            listingFailure = "cannot list the " + fanout.source() + ": " + Runner.reason(e);
        } finally {
            // the items under way end (or are stopped by the interruption) before the action does
            slots.acquireUninterruptibly(width);
            pool.shutdownNow();
        }
        String where = "foreach " + fanout.source().kind();
        if (listingFailure != null) {
            return new Result(ActionResult.failure(listingFailure, where, start), false);
        }
        if (listed == 0) {
            log.add(label, "no items in the " + fanout.source() + ": nothing to do");
            return new Result(ActionResult.success(0, start), false);
        }
        log.add(label, "items: " + listed + " listed, " + succeeded.get() + " done, " + ignored.get() + " ignored, "
                + failed.get() + " failed" + (skipped == 0 ? "" : ", " + skipped + " done before"));
        if (failed.get() == 0 && !interruption.interrupted()) {
            return new Result(ActionResult.success(rows.get(), start), false);
        }
        String named;
        synchronized (failures) {
            named = String.join("; ", failures) + (failed.get() > failures.size() ? "; ..." : "");
        }
        if (badInput) {
            log.add(label, "stopped listing items: a mistake in the action file fails every item alike");
            return new Result(ActionResult.badInput(failed.get() + " of " + (listed - skipped) + " items failed: " + named,
                    where, start), true);
        }
        return new Result(ActionResult.failure(failed.get() + " of " + (listed - skipped) + " items failed: " + named,
                where, start), true);
    }

    private int count() {
        return succeeded.get() + ignored.get() + failed.get();
    }

    /** One item, again after a retry's delay, until an OnError answer ends it. */
    private void runItem(PlannedAction action, ItemSource.Item item, int firstAttempt) throws InterruptedException {
        PlannedAction one = action.fanout().perItem().plan(item.values()).named(action.name() + "[" + item.key() + "]");
        String label = plan.entryLabel(one.name());
        String parent = plan.entryLabel(action.name());
        log.passThrough(label);
        log.passThrough(one.name());
        try {
            for (int attempt = firstAttempt; ; attempt++) {
                if (interruption.interrupted()) {
                    return;
                }
                Instant started = Instant.now();
                log.add(label, plan.action() + (attempt == firstAttempt ? "" : " (attempt " + attempt + ")") + ": "
                        + one.scriptDisplay());
                ActionResult result = services.executor(one.kind()).execute(one);
                if (result.badInput()) {
                    badInput = true;
                }
                EntryOutcome outcome = runner.decide(one, attempt, result, true);
                AttemptResult recorded = new AttemptResult(plan.filePath(), plan.action(), one.name(),
                        outcome == null ? EntryOutcome.FAILED : outcome, attempt, started, Instant.now(), result.rows(),
                        result.failure() == null ? null : result.failure().masked(log.masker()::mask));
                progress.itemFinished(action.name(), item.key(), recorded, outcome != null);
                if (outcome == null) {
                    continue;
                }
                String seconds = String.format("%.3fs", result.elapsed().toNanos() / 1e9);
                switch (outcome) {
                    case DONE -> {
                        succeeded.incrementAndGet();
                        rows.addAndGet(result.rows());
                        log.detail(parent, "item " + item.key() + ": done in " + seconds
                                + (result.rows() > 0 ? ", " + result.rows() + " rows" : ""));
                    }
                    case IGNORED -> {
                        ignored.incrementAndGet();
                        log.detail(parent, "item " + item.key() + ": failed, ignored: " + result.errorText());
                    }
                    default -> {
                        if (outcome == EntryOutcome.FAILED) {
                            failed.incrementAndGet();
                            synchronized (failures) {
                                if (failures.size() < NAMED_FAILURES) {
                                    failures.add(item.key() + " (" + recorded.error() + ")");
                                }
                            }
                        }
                        log.add(parent, "item " + item.key() + ": " + outcome.word() + " after " + seconds
                                + (recorded.error() == null ? "" : ": " + recorded.error()));
                    }
                }
                return;
            }
        } finally {
            log.keep(label);
            log.keep(one.name());
        }
    }
}
