package io.dataload.aws;

import java.net.URI;
import java.util.List;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A real SQS implementation (ElasticMQ) started in-process on a free port; the SDK's SQS clients
 * reach it through the standard service-specific endpoint setting {@code aws.endpointUrlSqs}, so
 * other services can still point at a wire fake.
 */
public final class ElasticMq implements AutoCloseable {
    private final SQSRestServer server;
    private final int port;

    public ElasticMq() {
        server = SQSRestServerBuilder.withDynamicPort().withInterface("127.0.0.1").start();
        port = server.waitUntilStarted().localAddress().getPort();
        System.setProperty("aws.endpointUrlSqs", url());
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** A client of our own, to set up and inspect queues. */
    public SqsClient client() {
        return SqsClient.builder().endpointOverride(URI.create(url())).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    /** Every message waiting in the queue (received, so invisible for a while afterwards). */
    public List<Message> receiveAll(String queue) {
        try (SqsClient sqs = client()) {
            String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
            return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
        }
    }

    @Override
    public void close() {
        System.clearProperty("aws.endpointUrlSqs");
        server.stopAndWait();
    }
}
