package io.dataload.execute;

import io.dataload.record.AttemptResult;
import java.time.Instant;

/** What a run reports as it goes, so that its record is current at every moment (not only at its end). */
public interface RunProgress {
    RunProgress NONE = new RunProgress() { };

    /** The run's id (null when the run is not recorded): what a ServiceNow incident is correlated by. */
    default String runId() {
        return null;
    }

    /** An attempt of an entry begins. */
    default void attemptStarted(String file, String action, String entry, int attempt, Instant started) {
    }

    /** An attempt of an entry has ended. */
    default void attemptFinished(AttemptResult result) {
    }

    /**
     * An attempt of one item of a fan-out has ended ({@code result.entry()} is the item's label,
     * {@code entry[item]}); {@code last} when it is the item's last attempt, whose outcome is the item's.
     */
    default void itemFinished(String entry, String item, AttemptResult result, boolean last) {
    }

    /**
     * The run ({@code scope} "") or an entry is still running after its sla; false when this run
     * already recorded that miss (its handlers then do not run again).
     */
    default boolean slaMissed(String scope, java.time.Duration sla, Instant at) {
        return true;
    }

    /** What the OnSlaMiss handlers of a miss did, for the history. */
    default void slaHandled(String scope, String handlers) {
    }

    /** An {@code exec} entry started a shell process. */
    default void processStarted(String entry, ProcessHandle process) {
    }
}
