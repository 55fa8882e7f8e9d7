package io.dataload.aws;

/** An AWS call failed; the message says which call and why (no stack trace for the user). */
public class AwsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AwsException(String message, Throwable cause) {
        super(message, cause);
    }
}
