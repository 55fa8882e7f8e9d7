package io.dataload.tableau;

/**
 * What Tableau answered when a call failed: the HTTP status and Tableau's own error code, summary and
 * detail ({@code 409093 Resource Conflict: Job for 'Orders' is already queued...}), or what went wrong
 * on the way there.
 */
public final class TableauException extends Exception {
    private static final long serialVersionUID = 1L;
    /** A refresh for the data source is already queued or running (EXTRACT_OPERATION_ALREADY_QUEUED). */
    public static final String ALREADY_QUEUED = "409093";
    /** The session's token is invalid or expired. */
    public static final String TOKEN_EXPIRED = "401002";

    private final int status;
    private final String code;

    public TableauException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
