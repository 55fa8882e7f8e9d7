package io.dataload.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.aws.FakeAws.Request;
import io.dataload.cli.CliRun;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SNS and SQS helper commands with the real SDK pointed at a local server (aws.endpointUrl). */
class HelperCommandsTest {
    private FakeAws aws;

    @BeforeEach
    void server() throws Exception {
        Map<String, Function<Request, String>> answers = Map.of(
                "ListTopics", r -> "<ListTopicsResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><ListTopicsResult>"
                        + "<Topics><member><TopicArn>arn:aws:sns:us-west-2:123456789012:Other</TopicArn></member>"
                        + "<member><TopicArn>arn:aws:sns:us-west-2:123456789012:ETL</TopicArn></member></Topics>"
                        + "</ListTopicsResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></ListTopicsResponse>",
                "Publish", r -> "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                        + "<MessageId>pub-1</MessageId></PublishResult><ResponseMetadata><RequestId>2</RequestId>"
                        + "</ResponseMetadata></PublishResponse>");
        aws = new FakeAws(answers);
        System.setProperty("aws.endpointUrl", aws.url());
        System.setProperty("aws.accessKeyId", "AKIDFAKE");
        System.setProperty("aws.secretAccessKey", "fakeSecret");
        System.setProperty("aws.region", "us-west-2");
    }

    @AfterEach
    void stop() {
        for (String name : List.of("aws.endpointUrl", "aws.accessKeyId", "aws.secretAccessKey", "aws.region")) {
            System.clearProperty(name);
        }
        aws.close();
    }

    @Test
    void snsPublishFindsTheTopicByName() {
        CliRun run = CliRun.of("sns", "publish", "Cases are loaded", "DataLoad");
        assertEquals(0, run.exit(), run.all());
        assertEquals("published to ETL, message id pub-1\n", run.out());
        Request publish = aws.requests().get(1);
        assertEquals("arn:aws:sns:us-west-2:123456789012:ETL", publish.form().get("TopicArn"));
        assertEquals("Cases are loaded", publish.form().get("Message"));
        assertEquals("DataLoad", publish.form().get("Subject"));
    }

    @Test
    void sqsReceiveDeletesWhatItPrints() {
        try (ElasticMq sqs = new ElasticMq(); var client = sqs.client()) {
            String queue = client.createQueue(b -> b.queueName("DataReadiness")
                    .attributes(java.util.Map.of(software.amazon.awssdk.services.sqs.model.QueueAttributeName
                            .VISIBILITY_TIMEOUT, "0"))).queueUrl();
            client.sendMessage(b -> b.queueUrl(queue).messageBody("CasesAreReady"));
            CliRun run = CliRun.of("sqs", "receive", "--queue", "DataReadiness", "--wait", "1");
            assertEquals(0, run.exit(), run.all());
            assertEquals("CasesAreReady\n", run.out());
            assertTrue(sqs.receiveAll("DataReadiness").isEmpty(), "the message was deleted, not only received");
            assertTrue(aws.requests().isEmpty(), "SQS went to ElasticMQ, not to the wire fake");
        }
    }

    @Test
    void anUnknownTopicIsOneClearLine() {
        CliRun run = CliRun.of("sns", "publish", "--topic", "Nope", "hello");
        assertEquals(1, run.exit());
        assertEquals("dataload: there is no SNS topic named Nope\n", run.err());
    }
}
