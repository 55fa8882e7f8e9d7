package io.dataload.queue;

/** A queue that cannot be used: unreachable, refused, not found; {@code transientFailure} when trying again may help. */
public final class QueueException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean transientFailure;

    public QueueException(String message, Throwable cause, boolean transientFailure) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    public boolean transientFailure() {
        return transientFailure;
    }
}
