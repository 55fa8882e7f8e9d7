package io.dataload.execute;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The runs a long-running command (schedule, watch) has going, and how they end when it stops:
 * nothing new starts, the running ones get a grace period, then they are interrupted as a run is.
 */
public final class RunningRuns {
    private final Set<RunSession> sessions = ConcurrentHashMap.newKeySet();

    public synchronized void started(RunSession session) {
        sessions.add(session);
    }

    public synchronized void ended(RunSession session) {
        sessions.remove(session);
        notifyAll();
    }

    public int size() {
        return sessions.size();
    }

    /** Waits up to {@code grace} for the runs to end by themselves, then interrupts those still going. */
    public void stop(Interruption.Stop stop, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (this) {
            while (!sessions.isEmpty() && System.nanoTime() < deadline) {
                try {
                    wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        sessions.forEach(session -> session.interrupt(stop));
    }

    /** Waits until every run has ended (and recorded its outcome), at most {@code seconds}. */
    public boolean await(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (this) {
            while (!sessions.isEmpty() && System.nanoTime() < deadline) {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
            return sessions.isEmpty();
        }
    }
}
