package io.dataload.notify;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.dataload.aws.AwsException;
import io.dataload.aws.AwsServices;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Sends native notifications (sns, sqs, slack, servicenow), each tried a few times with backoff.
 * A notification that still fails is reported to the caller, who logs it: it never changes the
 * run's outcome.
 */
public final class NotificationSender {
    private HttpNotifier http;
    private final Supplier<AwsServices> aws;
    private final RetryPolicy<Object> retry;

    /** {@code aws} is asked for lazily: runs without SNS or SQS never touch AWS. */
    public NotificationSender(Supplier<AwsServices> aws, Duration firstDelay, int attempts) {
        this.aws = aws;
        this.retry = RetryPolicy.builder().handleIf(NotificationSender::transientFailure).withMaxAttempts(attempts)
                .withBackoff(firstDelay, firstDelay.multipliedBy(8)).build();
    }

    public static NotificationSender standard(Supplier<AwsServices> aws) {
        return new NotificationSender(aws, Duration.ofMillis(500), 3);
    }

    /**
     * Only what can succeed on a second try is retried: an I/O failure or a 5xx/408/429 answer, an
     * AWS call the SDK calls retryable. A 4xx answer, a bad URL or a missing topic fails at once.
     */
    static boolean transientFailure(Throwable e) {
        if (e instanceof PermanentFailure) {
            return false;
        }
        if (e instanceof AwsException aws) {
            return aws.retryable();
        }
        return e instanceof java.io.IOException;
    }

    private synchronized HttpNotifier http() {
        if (http == null) {
            http = new HttpNotifier();
        }
        return http;
    }

    /** Sends one notification; returns what happened ("incident INC0010001 created"). */
    public String send(String kind, Map<String, String> fields) throws Exception {
        try {
            return Failsafe.with(retry).get(() -> sendOnce(kind, fields));
        } catch (FailsafeException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private String sendOnce(String kind, Map<String, String> fields) throws Exception {
        return switch (kind) {
            case "slack" -> http().slack(fields);
            case "servicenow" -> http().serviceNow(fields);
            case "sns" -> "published, message id " + aws.get().publish(fields.get("topic"), fields.get("subject"),
                    fields.get("message"));
            case "sqs" -> "sent, message id " + aws.get().sendMessage(fields.get("queue"), fields.get("message"));
            default -> throw new IllegalArgumentException("unknown notification " + kind);
        };
    }
}
