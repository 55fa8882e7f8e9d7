package io.dataload.record;

import java.time.Duration;
import java.time.Instant;

/**
 * One attempt of one entry's action, as recorded: what happened, on which attempt, when, rows, and
 * for a failure its typed fields (masked). The last attempt of an entry is the entry's result.
 */
public record AttemptResult(String file, String action, String entry, EntryOutcome outcome, int attempt,
        Instant started, Instant finished, long rows, Failure failure) {

    public static AttemptResult notRun(String file, String action, String entry) {
        return new AttemptResult(file, action, entry, EntryOutcome.NOT_RUN, 0, null, null, 0, null);
    }

    /** The combined error text (what OnError matched), or null. */
    public String error() {
        if (outcome == EntryOutcome.INTERRUPTED) {
            return "interrupted";
        }
        return failure == null ? null : failure.errorText();
    }

    /** How long the attempt took, or null when it did not run. */
    public Duration elapsed() {
        return started == null || finished == null ? null : Duration.between(started, finished);
    }
}
