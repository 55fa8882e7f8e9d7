package io.dataload.execute;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The timers of a run's slas: one daemon thread, started when the first sla is watched. A miss's
 * handlers run on it while the run carries on; closing cancels what has not fired and waits for a
 * miss being handled to finish (its notification is sent, its record written).
 */
final class SlaWatch implements AutoCloseable {
    private ScheduledExecutorService timer;

    synchronized ScheduledFuture<?> watch(Duration after, Runnable missed) {
        if (timer == null) {
            ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "dataload-sla");
                thread.setDaemon(true);
                return thread;
            });
            // at close, what has not fired is dropped; what fired finishes
            pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            timer = pool;
        }
        return timer.schedule(missed, Math.max(0, after.toMillis()), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (timer == null) {
            return;
        }
        timer.shutdown();
        try {
            timer.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer = null;
    }
}
