package io.dataload.queue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.dataload.record.SecretMasker;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A RabbitMQ queue of run requests, through the broker's own Java client: the queue (and its
 * dead-letter queue, {@code NAME.dead}) declared durable when missing, messages persistent, a
 * received message held unacknowledged while its run goes — the broker gives it to another consumer
 * only if this one's connection ends — and acknowledged once done. A lost connection is opened
 * again at the next call.
 */
final class AmqpRunQueue implements RunQueue {
    static final String DEFAULT_QUEUE = "dataload.runs";
    private static final Duration POLL = Duration.ofMillis(200);
    private static final ScheduledExecutorService LATER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "dataload-amqp-release");
        thread.setDaemon(true);
        return thread;
    });

    private final ConnectionFactory factory;
    private final String queue;
    private final String label;
    private Connection connection;
    private Channel channel;

    private AmqpRunQueue(ConnectionFactory factory, String queue, String label) {
        this.factory = factory;
        this.queue = queue;
        this.label = label;
    }

    static AmqpRunQueue open(String url) throws QueueException {
        String label = SecretMasker.none().mask(url);
        String queue = DEFAULT_QUEUE;
        String base = url;
        int question = url.indexOf('?');
        if (question >= 0) {
            base = url.substring(0, question);
            for (String pair : url.substring(question + 1).split("&")) {
                if (pair.startsWith("queue=") && pair.length() > 6) {
                    queue = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
                }
            }
        }
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(URI.create(base));
        } catch (Exception e) {
            throw new QueueException("not an AMQP URL: " + label + " (amqp://USER:PASS@HOST:PORT/VHOST?queue=NAME)", e, false);
        }
        factory.setAutomaticRecoveryEnabled(false);
        factory.setConnectionTimeout(10_000);
        factory.setRequestedHeartbeat(30);
        AmqpRunQueue opened = new AmqpRunQueue(factory, queue, label);
        synchronized (opened) {
            opened.channel();
        }
        return opened;
    }

    /** The channel, opened (with the queues declared) when there is none or it was lost. */
    private Channel channel() throws QueueException {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        closeQuietly();
        try {
            connection = factory.newConnection("dataload");
            channel = connection.createChannel();
            channel.queueDeclare(queue, true, false, false, null);
            channel.queueDeclare(deadLetterName(), true, false, false, null);
            return channel;
        } catch (IOException | TimeoutException | RuntimeException e) {
            closeQuietly();
            throw new QueueException("cannot reach RabbitMQ at " + label + ": " + reason(e), e, true);
        }
    }

    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private QueueException lost(String what, Exception e) {
        closeQuietly();
        return new QueueException(what + " on " + label + ": " + reason(e), e, true);
    }

    @Override
    public synchronized String send(String body) throws QueueException {
        String id = UUID.randomUUID().toString();
        try {
            channel().basicPublish("", queue, new AMQP.BasicProperties.Builder().deliveryMode(2)
                    .contentType("application/json").messageId(id).build(), body.getBytes(StandardCharsets.UTF_8));
            return id;
        } catch (IOException | RuntimeException e) {
            throw lost("cannot send", e);
        }
    }

    @Override
    public Delivery receive(Duration wait) throws QueueException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            synchronized (this) {
                Channel current = channel();
                try {
                    GetResponse response = current.basicGet(queue, false);
                    if (response != null) {
                        return new AmqpDelivery(current, response.getEnvelope().getDeliveryTag(),
                                new String(response.getBody(), StandardCharsets.UTF_8));
                    }
                } catch (IOException | RuntimeException e) {
                    throw lost("cannot receive", e);
                }
            }
            if (System.nanoTime() >= deadline) {
                return null;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    @Override
    public Duration holdTime() {
        // held unacknowledged for as long as the connection lives
        return Duration.ofMinutes(30);
    }

    @Override
    public String label() {
        return label + (label.contains("queue=") ? "" : " queue " + queue);
    }

    @Override
    public String deadLetterName() {
        return queue + ".dead";
    }

    private void closeQuietly() {
        try {
            if (connection != null && connection.isOpen()) {
                connection.close(2_000);
            }
        } catch (IOException | RuntimeException e) {
            // going anyway
        }
        connection = null;
        channel = null;
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private final class AmqpDelivery implements Delivery {
        private final Channel on;
        private final long tag;
        private final String body;

        AmqpDelivery(Channel on, long tag, String body) {
            this.on = on;
            this.tag = tag;
            this.body = body;
        }

        @Override
        public String body() {
            return body;
        }

        @Override
        public void extend(Duration time) {
            // unacknowledged, it stays this consumer's while the connection lives
        }

        @Override
        public void acknowledge() throws QueueException {
            synchronized (AmqpRunQueue.this) {
                try {
                    on.basicAck(tag, false);
                } catch (IOException | RuntimeException e) {
                    throw lost("cannot acknowledge a message", e);
                }
            }
        }

        @Override
        public void release(Duration delay) {
            LATER.schedule(() -> {
                synchronized (AmqpRunQueue.this) {
                    try {
                        on.basicNack(tag, false, true);
                    } catch (IOException | RuntimeException e) {
                        // the channel is gone: the broker has requeued the message itself
                    }
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void deadLetter(String reason) throws QueueException {
            synchronized (AmqpRunQueue.this) {
                try {
                    on.basicPublish("", deadLetterName(), new AMQP.BasicProperties.Builder().deliveryMode(2)
                            .contentType("application/json").headers(Map.of("x-dataload-reason",
                                    reason.length() > 1000 ? reason.substring(0, 1000) : reason)).build(),
                            body.getBytes(StandardCharsets.UTF_8));
                    on.basicAck(tag, false);
                } catch (IOException | RuntimeException e) {
                    throw lost("cannot dead-letter a message", e);
                }
            }
        }
    }
}
