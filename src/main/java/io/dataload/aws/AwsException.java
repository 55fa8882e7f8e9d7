package io.dataload.aws;

import software.amazon.awssdk.core.exception.SdkException;

/** An AWS call failed; the message says which call and why (no stack trace for the user). */
public class AwsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AwsException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the same call may succeed if tried again: the SDK's own judgement (throttling, a 5xx
     * answer, a network failure); a missing topic, a denied permission or no region never will.
     */
    public boolean retryable() {
        return getCause() instanceof SdkException sdk && sdk.retryable();
    }
}
