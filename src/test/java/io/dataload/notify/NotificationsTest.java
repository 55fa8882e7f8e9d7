package io.dataload.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataload.aws.ElasticMq;
import io.dataload.aws.FakeAws;
import io.dataload.aws.FakeAws.Request;
import io.dataload.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Native notifications at the wire: Slack and ServiceNow against a local HTTP server, SQS with the
 * real AWS SDK against ElasticMQ, a real SQS implementation (aws.endpointUrlSqs), SNS against a
 * local wire fake (aws.endpointUrl). A failing run sends one Slack message and
 * one ServiceNow incident with the error; a successful one a Slack message and an SQS message.
 */
class NotificationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOOK_SECRET = "T000/B000/s3cr3tHookPath";

    @TempDir
    Path dir;
    private FakeHttp http;
    private FakeAws aws;
    private ElasticMq sqs;

    @BeforeEach
    void servers() throws Exception {
        http = new FakeHttp();
        Map<String, Function<Request, String>> answers = Map.of(
                "Publish", r -> "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                        + "<MessageId>pub-7</MessageId></PublishResult></PublishResponse>");
        aws = new FakeAws(answers);
        sqs = new ElasticMq();
        System.setProperty("aws.endpointUrl", aws.url());
        System.setProperty("aws.accessKeyId", "AKIDFAKE");
        System.setProperty("aws.secretAccessKey", "fakeSecret");
        Files.writeString(dir.resolve("res.yml"), "Region: \"eu-west-1\"\nSlack:\n  Webhook: \"" + http.url() + "/services/"
                + HOOK_SECRET + "\"\nServiceNow:\n  Url: \"" + http.url() + "\"\n  User: \"dataload\"\n"
                + "  Password: \"sn-pass-123\"\n");
        Files.writeString(dir.resolve("ok.sql"), "select 1;");
        Files.writeString(dir.resolve("bad.sql"), "select * from missing_table;");
    }

    @AfterEach
    void stop() {
        System.clearProperty("aws.endpointUrl");
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        http.close();
        aws.close();
        sqs.close();
    }

    private CliRun run(String script) throws Exception {
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"cases\", \"scripts\": {\"load\": \"" + script + "\"}}],"
                + " \"OnSuccessNotification\": [{\"slack\": {\"webhook\": \"#Slack.Webhook#\", \"channel\": \"#etl\","
                + " \"text\": \"#action# done\"}}, {\"sqs\": {\"queue\": \"DataReadiness\", \"message\": \"DataAreReady\"}},"
                + " {\"sns\": {\"topic\": \"arn:aws:sns:eu-west-1:123456789012:ETL\", \"subject\": \"#table_name# ready\","
                + " \"message\": \"#action# finished\"}}],"
                + " \"OnErrorNotification\": [{\"slack\": {\"webhook\": \"#Slack.Webhook#\", \"text\": \"#action# of #table_name#"
                + " failed: #error#\"}}, {\"servicenow\": {\"instance\": \"#ServiceNow.Url#\", \"user\": \"#ServiceNow.User#\","
                + " \"password\": \"#ServiceNow.Password#\", \"assignment_group\": \"dw-team\", \"urgency\": \"2\","
                + " \"short_description\": \"DataLoad #action# failed\", \"description\": \"#error#\"}}]}");
        return CliRun.run(dir, "-q", "-r", "res.yml", "--db", "jdbc:duckdb:test.duckdb", "a.json", "load");
    }

    /** A secret the database quotes in its error is masked in every notification, as in the log. */
    @Test
    void aSecretInTheErrorIsMaskedInEveryNotification() throws Exception {
        Files.writeString(dir.resolve("echo.sql"), "select '#ServiceNow.Password#'::int;");
        CliRun run = run("echo.sql");
        assertEquals(1, run.exit(), run.all());
        List<FakeHttp.Request> slack = http.requests("/services/");
        assertEquals(1, slack.size());
        assertTrue(slack.get(0).body().contains("****"), slack.get(0).body());
        assertFalse(slack.get(0).body().contains("sn-pass-123"), slack.get(0).body());
        FakeHttp.Request incident = http.requests("/api/now/table/incident").get(0);
        assertFalse(incident.body().contains("sn-pass-123"), incident.body());
        assertEquals("Basic " + Base64.getEncoder().encodeToString("dataload:sn-pass-123".getBytes(StandardCharsets.UTF_8)),
                incident.authorization(), "the login itself is sent as it is");
    }

    @Test
    void aFailedRunSendsOneSlackMessageAndOneIncident() throws Exception {
        CliRun run = run("bad.sql");
        assertEquals(1, run.exit(), run.all());
        List<FakeHttp.Request> slack = http.requests("/services/");
        assertEquals(1, slack.size());
        assertEquals("POST", slack.get(0).method());
        assertEquals("/services/" + HOOK_SECRET, slack.get(0).path());
        assertTrue(JSON.readTree(slack.get(0).body()).path("text").asText().startsWith("load of cases failed: ")
                && slack.get(0).body().contains("missing_table"), slack.get(0).body());
        List<FakeHttp.Request> incidents = http.requests("/api/now/table/incident");
        assertEquals(List.of("GET", "POST"), incidents.stream().map(FakeHttp.Request::method).toList(),
                "an open incident of the run's correlation id is looked for, then one is created");
        FakeHttp.Request incident = incidents.get(1);
        assertEquals("Basic " + Base64.getEncoder().encodeToString("dataload:sn-pass-123".getBytes(StandardCharsets.UTF_8)),
                incident.authorization());
        JsonNode body = JSON.readTree(incident.body());
        assertEquals("DataLoad load failed", body.path("short_description").asText());
        assertEquals("dw-team", body.path("assignment_group").asText());
        assertEquals("2", body.path("urgency").asText());
        assertTrue(body.path("description").asText().contains("missing_table"), incident.body());
        assertTrue(body.path("correlation_id").asText().matches("dataload:[0-9A-Z]{26}:load"), incident.body());
        assertTrue(run.out().contains("OnErrorNotification: servicenow: incident INC0012345 created"), run.out());
        assertTrue(aws.requests().isEmpty(), "no SNS message for a failed run");
        try (var client = sqs.client()) {
            assertTrue(client.listQueues().queueUrls().isEmpty(), "no SQS message (nor queue) for a failed run");
        }
        String logs = logs();
        assertFalse(logs.contains("s3cr3tHookPath") || logs.contains("sn-pass-123") || run.all().contains("s3cr3tHookPath"),
                logs);
    }

    @Test
    void aSuccessfulRunSendsOneSlackMessageAndOneQueueMessage() throws Exception {
        CliRun run = run("ok.sql");
        assertEquals(0, run.exit(), run.all());
        List<FakeHttp.Request> slack = http.requests("/services/");
        assertEquals(1, slack.size());
        assertEquals("{\"text\":\"load done\",\"channel\":\"#etl\"}", slack.get(0).body());
        assertEquals(List.of("Publish"), aws.requests().stream().map(Request::action).toList());
        Request publish = aws.requests().get(0);
        assertEquals(List.of("arn:aws:sns:eu-west-1:123456789012:ETL", "a ready", "load finished"),
                List.of(publish.form().get("TopicArn"), publish.form().get("Subject"), publish.form().get("Message")));
        assertTrue(run.out().contains("OnSuccessNotification: sns: published, message id pub-7"), run.out());
        // the queue did not exist: it was created, as the Python helper did, and holds the one message
        List<String> bodies = sqs.receiveAll("DataReadiness").stream().map(m -> m.body()).toList();
        assertEquals(List.of("DataAreReady"), bodies);
        assertTrue(run.out().contains("OnSuccessNotification: sqs: sent, message id "), run.out());
        assertTrue(http.requests("/api/now/").isEmpty());
    }

    @Test
    void aNotificationThatKeepsFailingIsLoggedAndChangesNothing() throws Exception {
        http.failNext(10);
        CliRun run = run("ok.sql");
        assertEquals(0, run.exit(), run.all());
        assertEquals(3, http.requests("/services/").size(), "tried three times");
        assertTrue(run.out().contains("OnSuccessNotification: slack failed (the run's outcome is unchanged): HTTP 503"),
                run.out());
    }

    private String logs() throws Exception {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
            for (Path file : files.toList()) {
                text.append(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)); // the history store too, byte for byte
            }
        }
        return text.toString();
    }
}
