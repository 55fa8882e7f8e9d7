package io.dataload.aws;

import software.amazon.awssdk.core.exception.SdkException;

/** An AWS call failed; the message says which call and why (no stack trace for the user). */
public class AwsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AwsException(String message, Throwable cause) {
        super(readable(message, cause), cause);
    }

    /** A problem of configuration (no region, no credentials): fixed by the user, not by trying again. */
    public boolean configuration() {
        String message = getMessage();
        return message.startsWith("no AWS region") || message.contains("no AWS credentials");
    }

    /**
     * The SDK's message where a user can act on it: its credential-chain dump becomes one sentence
     * saying where credentials come from, and "see cause for the endpoint" names the host.
     */
    static String readable(String message, Throwable cause) {
        if (cause == null || cause.getMessage() == null || !message.contains(cause.getMessage())) {
            return message;
        }
        String sdk = cause.getMessage();
        String better = null;
        if (sdk.startsWith("Unable to load credentials from any of the providers")) {
            better = "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE),"
                    + " or run where an instance or container role provides them";
        } else {
            for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof java.net.UnknownHostException) {
                    better = "cannot resolve the host " + t.getMessage() + " (no network, a DNS problem, or a wrong"
                            + " region or endpoint)";
                    break;
                }
            }
        }
        if (better == null && sdk.length() > 300) {
            int end = sdk.indexOf(". ");
            better = end > 0 && end < 300 ? sdk.substring(0, end + 1) : sdk.substring(0, 299) + "…";
        }
        return better == null ? message : message.replace(sdk, better);
    }

    /**
     * Whether the same call may succeed if tried again: the SDK's own judgement (throttling, a 5xx
     * answer, a network failure); a missing topic, a denied permission or no region never will.
     */
    public boolean retryable() {
        return getCause() instanceof SdkException sdk && sdk.retryable();
    }
}
