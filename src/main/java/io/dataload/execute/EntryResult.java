package io.dataload.execute;

import java.time.Instant;

/** One entry's line of the run-results file: what happened, on which attempt, when, rows, error. */
public record EntryResult(String file, String action, String entry, EntryOutcome outcome, int attempt,
        Instant started, Instant finished, long rows, String error) {

    static EntryResult notRun(String file, String action, String entry) {
        return new EntryResult(file, action, entry, EntryOutcome.NOT_RUN, 0, null, null, 0, null);
    }
}
