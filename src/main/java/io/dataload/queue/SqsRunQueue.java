package io.dataload.queue;

import io.dataload.aws.SdkAwsServices;
import io.dataload.record.SecretMasker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * An SQS queue of run requests, through the AWS SDK: long polling, a received message hidden for
 * the visibility timeout and kept hidden while its run goes, deleted once done, made visible again
 * when released; the dead-letter queue is {@code NAME-dead-letter}, created when missing.
 */
final class SqsRunQueue implements RunQueue {
    private final SqsClient sqs;
    private final String url;
    private final String name;
    private final Duration visibility;
    private String deadLetterUrl;

    private SqsRunQueue(SqsClient sqs, String url, Duration visibility) {
        this.sqs = sqs;
        this.url = url;
        this.name = url.substring(url.lastIndexOf('/') + 1);
        this.visibility = visibility;
    }

    static SqsRunQueue open(String url, String region) throws QueueException {
        SqsClient sqs;
        try {
            sqs = SqsClient.builder().region(SdkAwsServices.region(region))
                    .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        } catch (SdkException | io.dataload.aws.AwsException e) {
            throw new QueueException("cannot use SQS: " + e.getMessage(), e, false);
        }
        try {
            String timeout = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT))
                    .attributes().getOrDefault(QueueAttributeName.VISIBILITY_TIMEOUT, "30");
            return new SqsRunQueue(sqs, url, Duration.ofSeconds(Math.max(2, Integer.parseInt(timeout))));
        } catch (SdkException e) {
            sqs.close();
            throw failure("cannot reach the SQS queue " + mask(url), e);
        }
    }

    private static QueueException failure(String what, SdkException e) {
        boolean again = e instanceof SdkClientException || e.retryable();
        String reason = e instanceof QueueDoesNotExistException ? "no such queue" : firstLine(e.getMessage());
        return new QueueException(what + ": " + reason, e, again);
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse(text);
    }

    private static String mask(String url) {
        return SecretMasker.none().mask(url);
    }

    @Override
    public String send(String body) throws QueueException {
        try {
            return sqs.sendMessage(r -> r.queueUrl(url).messageBody(body)).messageId();
        } catch (SdkException e) {
            throw failure("cannot send to " + label(), e);
        }
    }

    @Override
    public Delivery receive(Duration wait) throws QueueException {
        try {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(1)
                    .waitTimeSeconds((int) Math.min(20, Math.max(0, wait.toSeconds())))).messages();
            return messages.isEmpty() ? null : new SqsDelivery(messages.get(0));
        } catch (SdkException e) {
            throw failure("cannot receive from " + label(), e);
        }
    }

    @Override
    public Duration holdTime() {
        return visibility;
    }

    @Override
    public String label() {
        return mask(url);
    }

    @Override
    public String deadLetterName() {
        return name + "-dead-letter";
    }

    @Override
    public void close() {
        sqs.close();
    }

    private final class SqsDelivery implements Delivery {
        private final Message message;

        SqsDelivery(Message message) {
            this.message = message;
        }

        @Override
        public String body() {
            return message.body();
        }

        @Override
        public void extend(Duration time) throws QueueException {
            visible(time);
        }

        @Override
        public void acknowledge() throws QueueException {
            try {
                sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
            } catch (SdkException e) {
                throw failure("cannot delete a message from " + label(), e);
            }
        }

        @Override
        public void release(Duration delay) throws QueueException {
            visible(delay);
        }

        private void visible(Duration after) throws QueueException {
            try {
                sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(message.receiptHandle())
                        .visibilityTimeout((int) Math.min(43_200, Math.max(0, after.toSeconds()))));
            } catch (SdkException e) {
                throw failure("cannot change a message's visibility on " + label(), e);
            }
        }

        @Override
        public void deadLetter(String reason) throws QueueException {
            try {
                synchronized (SqsRunQueue.this) {
                    if (deadLetterUrl == null) {
                        deadLetterUrl = sqs.createQueue(r -> r.queueName(deadLetterName())).queueUrl();
                    }
                }
                sqs.sendMessage(r -> r.queueUrl(deadLetterUrl).messageBody(message.body()).messageAttributes(Map.of(
                        "reason", MessageAttributeValue.builder().dataType("String")
                                .stringValue(reason.length() > 1000 ? reason.substring(0, 1000) : reason).build())));
            } catch (SdkException e) {
                throw failure("cannot send to the dead-letter queue " + deadLetterName(), e);
            }
            acknowledge();
        }
    }
}
