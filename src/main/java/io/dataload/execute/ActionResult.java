package io.dataload.execute;

import io.dataload.record.Failure;
import java.time.Duration;
import java.time.Instant;

/**
 * What one action did: success with a row count, or a typed {@link Failure} (SQLSTATE, vendor code,
 * message, script, statement, line).
 */
public record ActionResult(boolean ok, long rows, Failure failure, Duration elapsed, boolean badInput) {

    public static ActionResult success(long rows, Instant start) {
        return new ActionResult(true, rows, null, Duration.between(start, Instant.now()), false);
    }

    public static ActionResult failure(Failure failure, Instant start) {
        return new ActionResult(false, 0, failure, Duration.between(start, Instant.now()), false);
    }

    /**
     * A mistake in the action file found only when the action starts (a {@code partition_by} column
     * the query does not return): nothing was written; it is not retried, a fan-out stops there, and
     * the run exits 2.
     */
    public static ActionResult badInput(String message, String where, Instant start) {
        return new ActionResult(false, 0, Failure.of(message, where), Duration.between(start, Instant.now()), true);
    }

    /** A failure that is not the database's: a message and where it happened. */
    public static ActionResult failure(String message, String where, Instant start) {
        return failure(Failure.of(message, where), start);
    }

    /** The text OnError keys are matched against. */
    public String errorText() {
        return failure == null ? null : failure.errorText();
    }

    public String where() {
        return failure == null ? null : failure.where();
    }
}
