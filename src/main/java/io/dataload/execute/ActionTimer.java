package io.dataload.execute;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An action's {@code timeout}: when it expires, {@code onExpiry} stops the work (aborts the
 * connection, kills the process tree) and the action fails with the error text {@code timeout}.
 */
final class ActionTimer implements AutoCloseable {
    static final String TIMEOUT = "timeout";
    private static final ScheduledExecutorService CLOCK = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "dataload-timeouts");
        thread.setDaemon(true);
        return thread;
    });

    private final AtomicBoolean expired = new AtomicBoolean();
    private final ScheduledFuture<?> alarm;

    private ActionTimer(Duration timeout, Runnable onExpiry) {
        this.alarm = timeout == null ? null : CLOCK.schedule(() -> {
            expired.set(true);
            onExpiry.run();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A timer for {@code timeout} (none when null). */
    static ActionTimer start(Duration timeout, Runnable onExpiry) {
        return new ActionTimer(timeout, onExpiry);
    }

    boolean expired() {
        return expired.get();
    }

    @Override
    public void close() {
        if (alarm != null) {
            alarm.cancel(false);
        }
    }
}
