package io.dataload.execute;

import java.time.Duration;
import java.time.Instant;

/**
 * What one action did: success with a row count, or failure with the error text that
 * {@code OnError} keys are matched against ({@code vendor code (SQL state): message}) and where in
 * the script it happened.
 */
public record ActionResult(boolean ok, long rows, String errorText, String where, Duration elapsed) {

    public static ActionResult success(long rows, Instant start) {
        return new ActionResult(true, rows, null, null, Duration.between(start, Instant.now()));
    }

    public static ActionResult failure(String errorText, String where, Instant start) {
        return new ActionResult(false, 0, errorText, where, Duration.between(start, Instant.now()));
    }
}
