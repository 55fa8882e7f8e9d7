package io.dataload.notify;

import java.io.IOException;

/**
 * A notification that cannot succeed on a second try: a 4xx answer (other than 408 and 429), a
 * malformed URL, a missing field. It is reported at once, not retried.
 */
final class PermanentFailure extends IOException {
    private static final long serialVersionUID = 1L;

    PermanentFailure(String message) {
        super(message);
    }

    /** Whether an HTTP status means "the same request will fail again". */
    static boolean permanent(int status) {
        return status / 100 == 4 && status != 408 && status != 429;
    }
}
