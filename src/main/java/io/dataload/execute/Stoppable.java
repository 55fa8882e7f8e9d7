package io.dataload.execute;

/** Something SIGINT/SIGTERM stops: a run session, or a scheduler with its runs. */
public interface Stoppable {
    /** Stops it: what runs is interrupted (after a grace period, for a scheduler), nothing new starts. */
    void interrupt(Interruption.Stop stop);

    /** Waits until what was running has recorded its outcome, at most {@code seconds}. */
    boolean awaitRecorded(long seconds) throws InterruptedException;
}
