package io.dataload.queue;

import java.time.Duration;

/**
 * A queue of run requests on an existing queue service (Amazon SQS, RabbitMQ): {@code submit} sends,
 * workers receive. A delivery stays the receiver's until it is acknowledged (after its run's outcome
 * is recorded), released (handed back for later) or dead-lettered.
 */
public interface RunQueue extends AutoCloseable {

    /** One message received, held by this receiver until one of its ends. */
    interface Delivery {
        String body();

        /** Keeps the message the receiver's for {@code time} more (SQS: its visibility; AMQP: held unacknowledged anyway). */
        void extend(Duration time) throws QueueException;

        /** The message is done with: removed from the queue. */
        void acknowledge() throws QueueException;

        /** Hands the message back, to be received again after {@code delay} (at once for zero). */
        void release(Duration delay) throws QueueException;

        /** Moves the message to the dead-letter queue, saying why. */
        void deadLetter(String reason) throws QueueException;
    }

    /** Sends a message; returns the queue's id for it. */
    String send(String body) throws QueueException;

    /** The next message, waiting up to {@code wait}; null when none came. */
    Delivery receive(Duration wait) throws QueueException, InterruptedException;

    /** How long a received message stays the receiver's unless extended (SQS: the visibility timeout). */
    Duration holdTime();

    /** Where the queue is, any password masked, for messages. */
    String label();

    /** The dead-letter queue's name. */
    String deadLetterName();

    @Override
    void close();

    /**
     * The queue at {@code url}: {@code amqp://USER:PASS@HOST:PORT/VHOST?queue=NAME} (RabbitMQ; queue
     * {@code dataload.runs} when none is named, declared durable when missing) or an SQS queue URL
     * ({@code https://sqs.REGION.amazonaws.com/ACCOUNT/NAME}; {@code AWS_ENDPOINT_URL} honoured).
     */
    static RunQueue open(String url, String region) throws QueueException {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("amqp://") || lower.startsWith("amqps://")) {
            return AmqpRunQueue.open(url);
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return SqsRunQueue.open(url, region);
        }
        throw new QueueException("unsupported queue \"" + io.dataload.record.SecretMasker.none().mask(url)
                + "\": give an SQS queue URL (https://sqs.REGION.amazonaws.com/ACCOUNT/NAME) or"
                + " amqp://USER:PASS@HOST:PORT/VHOST?queue=NAME", null, false);
    }
}
