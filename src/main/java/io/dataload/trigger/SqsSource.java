package io.dataload.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataload.aws.SdkAwsServices;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * S3 "object created" events delivered through SQS: the S3 notification format (also wrapped in an
 * SNS envelope), its {@code s3:TestEvent}, and the EventBridge "Object Created" format. Messages are
 * long-polled; while an object's run goes, its message is kept hidden (the visibility timeout is
 * extended); it is deleted only after the run succeeded and is recorded, or when it repeats an event
 * already done. A failed run leaves the message to come back, and after the queue's receive count to
 * its dead-letter queue.
 */
public final class SqsSource implements Source {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String queueUrl;
    private final SqsClient sqs;
    private final int visibility;
    private final ScheduledExecutorService keeper = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "dataload-sqs-visibility");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, ScheduledFuture<?>> kept = new ConcurrentHashMap<>();
    private final String archiveBucket;
    private final String archivePrefix;
    private final S3Client s3;

    public SqsSource(String queueUrl, String region) {
        this(queueUrl, region, null);
    }

    /** {@code archive}: s3://bucket/prefix/ where an object is moved once its run succeeded; null for none. */
    public SqsSource(String queueUrl, String region, String archive) {
        this.queueUrl = queueUrl;
        if (archive != null) {
            String rest = archive.substring("s3://".length());
            this.archiveBucket = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
            String prefix = rest.contains("/") ? rest.substring(rest.indexOf('/') + 1) : "";
            this.archivePrefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
            boolean local = System.getProperty("aws.endpointUrlS3") != null || System.getenv("AWS_ENDPOINT_URL_S3") != null;
            this.s3 = S3Client.builder().region(SdkAwsServices.region(region)).forcePathStyle(local)
                    .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        } else {
            this.archiveBucket = null;
            this.archivePrefix = null;
            this.s3 = null;
        }
        this.sqs = SqsClient.builder().region(SdkAwsServices.region(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        String timeout = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributes()
                .getOrDefault(QueueAttributeName.VISIBILITY_TIMEOUT, "30");
        this.visibility = Math.max(2, Integer.parseInt(timeout));
    }

    @Override
    public String name() {
        return queueUrl;
    }

    @Override
    public List<Arrival> poll(Duration wait) {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                .waitTimeSeconds((int) Math.min(20, wait.toSeconds()))).messages();
        List<Arrival> arrivals = new ArrayList<>();
        for (Message message : messages) {
            List<Arrival> objects = objects(message);
            if (objects.isEmpty()) {
                // a test event, or nothing DataLoad can run: not for us to keep
                delete(message);
            }
            arrivals.addAll(objects);
        }
        return arrivals;
    }

    /** The objects a message announces. */
    static List<Arrival> objects(Message message) {
        List<Arrival> arrivals = new ArrayList<>();
        JsonNode body;
        try {
            body = JSON.readTree(message.body());
            if (body.path("Type").asText().equals("Notification") && body.has("Message")) {
                body = JSON.readTree(body.path("Message").asText()); // S3 -> SNS -> SQS
            }
        } catch (Exception e) {
            return arrivals;
        }
        if (body.path("detail-type").asText().equals("Object Created")) {
            JsonNode detail = body.path("detail");
            arrivals.add(arrival(detail.path("bucket").path("name").asText(), detail.path("object").path("key").asText(),
                    detail.path("object").path("etag").asText(), message, false));
        }
        for (JsonNode record : body.path("Records")) {
            if (!record.path("eventName").asText().startsWith("ObjectCreated")) {
                continue;
            }
            JsonNode s3 = record.path("s3");
            arrivals.add(arrival(s3.path("bucket").path("name").asText(), s3.path("object").path("key").asText(),
                    s3.path("object").path("eTag").asText(s3.path("object").path("sequencer").asText()), message, true));
        }
        return arrivals;
    }

    private static Arrival arrival(String bucket, String rawKey, String etag, Message message, boolean encoded) {
        // S3 notifications URL-encode the key (a space is +); EventBridge does not
        String key = encoded ? URLDecoder.decode(rawKey, StandardCharsets.UTF_8) : rawKey;
        Map<String, String> values = new LinkedHashMap<>();
        values.put("file", "s3://" + bucket + "/" + key);
        values.put("file_name", key.substring(key.lastIndexOf('/') + 1));
        values.put("bucket", bucket);
        values.put("key", key);
        return new Arrival("s3://" + bucket, key, etag.isEmpty() ? "-" : etag, values, message);
    }

    @Override
    public void stillRunning(Arrival arrival) {
        Message message = (Message) arrival.handle();
        kept.computeIfAbsent(message.receiptHandle(), receipt -> keeper.scheduleAtFixedRate(() -> {
            try {
                sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(receipt).visibilityTimeout(visibility));
            } catch (RuntimeException e) {
                // the next extension tries again; at worst the message comes back and the ledger stops a second run
            }
        }, 0, Math.max(1, visibility / 2), TimeUnit.SECONDS));
    }

    @Override
    public void succeeded(Arrival arrival) {
        if (s3 != null) {
            // moved only now that its run succeeded: a copy under the archive prefix, then the original goes
            String bucket = arrival.placeholders().get("bucket");
            String key = arrival.key();
            s3.copyObject(r -> r.sourceBucket(bucket).sourceKey(key).destinationBucket(archiveBucket)
                    .destinationKey(archivePrefix + key));
            s3.deleteObject(r -> r.bucket(bucket).key(key));
        }
        release(arrival);
        delete((Message) arrival.handle());
    }

    @Override
    public void duplicate(Arrival arrival) {
        delete((Message) arrival.handle());
    }

    @Override
    public void failed(Arrival arrival) {
        release(arrival);
    }

    private void release(Arrival arrival) {
        ScheduledFuture<?> extension = kept.remove(((Message) arrival.handle()).receiptHandle());
        if (extension != null) {
            extension.cancel(false);
        }
    }

    private void delete(Message message) {
        sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
    }
}
