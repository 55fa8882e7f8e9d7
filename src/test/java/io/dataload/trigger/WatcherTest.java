package io.dataload.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.aws.ElasticMq;
import io.dataload.execute.RunSession;
import io.dataload.notify.NotificationSender;
import io.dataload.plan.RunRequest;
import io.dataload.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** dataload watch, in-process: each file version runs once, is archived only after success, and a restart neither loses nor repeats. */
class WatcherTest {
    @TempDir
    Path dir;
    private final List<String> said = new CopyOnWriteArrayList<>();

    private StateStore store() throws Exception {
        return StateStore.open("jdbc:sqlite:" + dir.resolve("logs/dataload.db"));
    }

    private Watcher watcher(Source source, StateStore store, int concurrency) {
        RunRequest template = RunRequest.of(dir, "w.json", "exec");
        return new Watcher(source, template, store, () -> new RunSession(record -> { }, Map.of(),
                region -> NotificationSender.standard(() -> null)), said::add, concurrency, 1, Duration.ofSeconds(1),
                Clock.systemUTC());
    }

    private List<String> loaded() throws Exception {
        Path file = dir.resolve("loaded.txt");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private static void pollUntil(Watcher watcher, BooleanSupplier done) throws Exception {
        for (int i = 0; i < 1500 && !done.getAsBoolean(); i++) {
            watcher.poll(Duration.ZERO);
            Thread.sleep(20);
        }
        assertTrue(done.getAsBoolean(), "in time");
    }

    private boolean quietly(java.util.concurrent.Callable<Boolean> check) {
        try {
            return check.call();
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void fiftyFilesRunOnceEachAreArchivedAndAFailureStaysRecorded() throws Exception {
        Files.writeString(dir.resolve("load.sh"), "case #file_name# in bad*) exit 4;; esac; echo #file_name# >> loaded.txt");
        Files.writeString(dir.resolve("w.json"), "{\"Tables\": [{\"name\": \"f\", \"scripts\": {\"exec\": \"load.sh\"}}]}");
        Path in = Files.createDirectories(dir.resolve("in"));
        for (int i = 0; i < 50; i++) {
            Files.writeString(in.resolve(String.format("f%02d.csv", i)), "row " + i + "\n");
        }
        Files.writeString(in.resolve("bad.csv"), "x\n");
        Files.writeString(in.resolve("bad.csv.done"), ""); // its marker: ready at once
        FolderSource source = new FolderSource(in, "*.csv", Duration.ofMillis(300), dir.resolve("archive"), Clock.systemUTC());
        try (StateStore store = store()) {
            Watcher watcher = watcher(source, store, 4);
            pollUntil(watcher, () -> quietly(() -> loaded().size() == 50 && watcher.active() == 0
                    && Files.list(in).filter(p -> p.toString().endsWith(".csv")).count() == 1));
            assertEquals(50, loaded().stream().distinct().count(), "each file once");
            try (Stream<Path> archived = Files.list(dir.resolve("archive"))) {
                assertEquals(50, archived.count());
            }
            assertTrue(Files.exists(in.resolve("bad.csv")), "a failed file stays");
            assertEquals("failed", store.ledger(source.name(), "bad.csv", Files.size(in.resolve("bad.csv")) + "-"
                    + Files.getLastModifiedTime(in.resolve("bad.csv")).toMillis()).status());
            // a restart neither repeats the failed file nor anything done
            Watcher again = watcher(source, store, 4);
            again.recover();
            for (int i = 0; i < 20; i++) {
                again.poll(Duration.ZERO);
                Thread.sleep(20);
            }
            assertEquals(50, loaded().size());
        }
    }

    @Test
    void aFileStillBeingWrittenIsNotTakenEarly() throws Exception {
        Files.writeString(dir.resolve("load.sh"), "wc -c < #file# >> loaded.txt");
        Files.writeString(dir.resolve("w.json"), "{\"Tables\": [{\"name\": \"f\", \"scripts\": {\"exec\": \"load.sh\"}}]}");
        Path in = Files.createDirectories(dir.resolve("in"));
        Path growing = in.resolve("big.csv");
        FolderSource source = new FolderSource(in, "*.csv", Duration.ofMillis(600), null, Clock.systemUTC());
        try (StateStore store = store()) {
            Watcher watcher = watcher(source, store, 1);
            for (int i = 0; i < 10; i++) {
                Files.writeString(growing, "x".repeat(100), java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
                watcher.poll(Duration.ZERO);
                Thread.sleep(150);
            }
            assertEquals(List.of(), loaded(), "not taken while it grows");
            pollUntil(watcher, () -> quietly(() -> loaded().size() == 1 && watcher.active() == 0));
            assertEquals("1000", loaded().get(0).strip(), "taken whole");
        }
    }

    @Test
    void threeCopiesOfAnS3EventRunOnceAndTheMessageGoesOnlyAfterSuccess() throws Exception {
        Files.writeString(dir.resolve("load.sh"), "echo #file# >> loaded.txt; sleep 4");
        Files.writeString(dir.resolve("w.json"), "{\"Tables\": [{\"name\": \"f\", \"scripts\": {\"exec\": \"load.sh\"}}]}");
        System.setProperty("aws.accessKeyId", "x");
        System.setProperty("aws.secretAccessKey", "x");
        try (ElasticMq mq = new ElasticMq(); SqsClient sqs = mq.client(); StateStore store = store()) {
            String url = sqs.createQueue(r -> r.queueName("landing").attributes(Map.of(
                    QueueAttributeName.VISIBILITY_TIMEOUT, "2"))).queueUrl();
            String event = "{\"Records\": [{\"eventName\": \"ObjectCreated:Put\", \"s3\": {\"bucket\": {\"name\": \"lake\"},"
                    + " \"object\": {\"key\": \"landing/day+1/cases.csv\", \"eTag\": \"abc123\", \"size\": 10}}}]}";
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("{\"Service\": \"Amazon S3\", \"Event\": \"s3:TestEvent\"}"));
            for (int i = 0; i < 3; i++) {
                sqs.sendMessage(r -> r.queueUrl(url).messageBody(event));
            }
            SqsSource source = new SqsSource(url, "eu-west-1");
            Watcher watcher = watcher(source, store, 4);
            // the run (4 s) outlives the visibility timeout (2 s) twice: the message is kept hidden meanwhile;
            // the duplicates come back after it and are deleted as already done
            long until = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < until) {
                watcher.poll(Duration.ofSeconds(1));
            }
            watcher.awaitRecorded(20);
            assertEquals(List.of("s3://lake/landing/day 1/cases.csv"), loaded(), "one run, the key decoded");
            String left = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                    .attributesAsStrings().toString();
            assertTrue(left.contains("ApproximateNumberOfMessages=0") && left.contains("ApproximateNumberOfMessagesNotVisible=0"),
                    "every copy deleted once the run succeeded: " + left);
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Test
    void eventBridgeAndSnsWrappedEventsAreRead() {
        var bridge = software.amazon.awssdk.services.sqs.model.Message.builder().receiptHandle("r").body(
                "{\"detail-type\": \"Object Created\", \"detail\": {\"bucket\": {\"name\": \"lake\"},"
                + " \"object\": {\"key\": \"a b.csv\", \"etag\": \"e1\"}}}").build();
        List<Arrival> one = SqsSource.objects(bridge);
        assertEquals("s3://lake/a b.csv", one.get(0).placeholders().get("file"));
        assertEquals("e1", one.get(0).version());
        var wrapped = software.amazon.awssdk.services.sqs.model.Message.builder().receiptHandle("r").body(
                "{\"Type\": \"Notification\", \"Message\": \"{\\\"Records\\\": [{\\\"eventName\\\": \\\"ObjectCreated:Put\\\","
                + " \\\"s3\\\": {\\\"bucket\\\": {\\\"name\\\": \\\"lake\\\"}, \\\"object\\\": {\\\"key\\\": \\\"x.csv\\\","
                + " \\\"eTag\\\": \\\"e2\\\"}}}]}\"}").build();
        assertEquals("x.csv", SqsSource.objects(wrapped).get(0).key());
        var test = software.amazon.awssdk.services.sqs.model.Message.builder().receiptHandle("r")
                .body("{\"Event\": \"s3:TestEvent\"}").build();
        assertEquals(List.of(), SqsSource.objects(test));
    }

    @Test
    void anS3ObjectIsArchivedOnlyAfterItsRunSucceeded() throws Exception {
        Files.writeString(dir.resolve("load.sh"), "echo #key# >> loaded.txt");
        Files.writeString(dir.resolve("w.json"), "{\"Tables\": [{\"name\": \"f\", \"scripts\": {\"exec\": \"load.sh\"}}]}");
        List<String> s3 = new CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String copy = exchange.getRequestHeaders().getFirst("x-amz-copy-source");
            s3.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                    + (copy == null ? "" : " from " + copy));
            exchange.getRequestBody().readAllBytes();
            byte[] body = "PUT".equals(exchange.getRequestMethod())
                    ? ("<CopyObjectResult><ETag>\"e\"</ETag><LastModified>2026-01-01T00:00:00.000Z</LastModified>"
                            + "</CopyObjectResult>").getBytes(java.nio.charset.StandardCharsets.UTF_8) : new byte[0];
            exchange.sendResponseHeaders(body.length == 0 ? 204 : 200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        System.setProperty("aws.endpointUrlS3", "http://127.0.0.1:" + server.getAddress().getPort());
        System.setProperty("aws.accessKeyId", "x");
        System.setProperty("aws.secretAccessKey", "x");
        try (ElasticMq mq = new ElasticMq(); SqsClient sqs = mq.client(); StateStore store = store()) {
            String url = sqs.createQueue(r -> r.queueName("landing")).queueUrl();
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("{\"Records\": [{\"eventName\": \"ObjectCreated:Put\","
                    + " \"s3\": {\"bucket\": {\"name\": \"lake\"}, \"object\": {\"key\": \"in/a+b.csv\", \"eTag\": \"e9\"}}}]}"));
            Watcher watcher = watcher(new SqsSource(url, "eu-west-1", "s3://archive/done/"), store, 1);
            pollUntil(watcher, () -> quietly(() -> loaded().size() == 1 && watcher.active() == 0));
            assertEquals(List.of("PUT /archive/done/in/a%20b.csv from lake/in/a%20b.csv", "DELETE /lake/in/a%20b.csv"), s3);
        } finally {
            server.stop(0);
            System.clearProperty("aws.endpointUrlS3");
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }
}
