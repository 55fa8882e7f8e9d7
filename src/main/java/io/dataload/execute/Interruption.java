package io.dataload.execute;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A run being stopped from outside (SIGTERM, Ctrl-C): running actions register how to stop them
 * (cancel statements and drop connections, kill process trees); once interrupted, no new entry
 * starts and a failed action counts as interrupted rather than going through OnError.
 */
public final class Interruption {
    private final Set<Runnable> stoppers = ConcurrentHashMap.newKeySet();
    /** What stopped the run: Ctrl-C (SIGINT) or SIGTERM. */
    public enum Stop { INTERRUPT, TERMINATE }

    private volatile boolean interrupted;
    private volatile Stop stop = Stop.INTERRUPT;

    public boolean interrupted() {
        return interrupted;
    }

    /** Why the run was stopped (meaningful once {@link #interrupted()}). */
    public Stop stop() {
        return stop;
    }

    /** Stops everything running now (as Ctrl-C does); later actions do not start. */
    public void interrupt() {
        interrupt(Stop.INTERRUPT);
    }

    /** Stops everything running now; later actions do not start. */
    public void interrupt(Stop reason) {
        if (!interrupted) {
            stop = reason;
        }
        interrupted = true;
        for (Runnable stopper : stoppers) {
            try {
                stopper.run();
            } catch (RuntimeException e) {
                // stopping is best effort: the process is going away
            }
        }
    }

    /** Registers how to stop a running action; the returned handle unregisters it. */
    public AutoCloseable register(Runnable stopper) {
        stoppers.add(stopper);
        if (interrupted) {
            stopper.run();
        }
        return () -> stoppers.remove(stopper);
    }

    /** For executors created without one (tests, tools): never interrupted. */
    public static Interruption none() {
        return new Interruption();
    }
}
