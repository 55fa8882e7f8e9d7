package io.dataload.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.redshift.model.Cluster;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Topic;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * {@link AwsServices} with the AWS SDK v2. Region, credentials and endpoint come the SDK's standard
 * way (AWS_REGION, AWS_ENDPOINT_URL, profiles...), with the resource file's {@code Region} as the
 * default region.
 */
public final class SdkAwsServices implements AwsServices {
    private final Region region;

    public SdkAwsServices(String defaultRegion) {
        this.region = region(defaultRegion);
    }

    /**
     * AWS_REGION, the aws.region property or the profile's region; else the resource file's; only
     * without either is the SDK's full chain asked (which may query instance metadata).
     */
    public static Region region(String fallback) {
        String configured = System.getenv("AWS_REGION");
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty("aws.region");
        }
        if (configured != null && !configured.isBlank()) {
            return Region.of(configured);
        }
        try {
            return new AwsProfileRegionProvider().getRegion();
        } catch (SdkException e) {
            // no profile region: the resource file's
        }
        if (fallback != null && !fallback.isBlank()) {
            return Region.of(fallback);
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkException e) {
            throw new AwsException("no AWS region: set AWS_REGION or Region in the resource file", e);
        }
    }

    /**
     * An S3 client the SDK's standard way; with an endpoint of its own (AWS_ENDPOINT_URL_S3, a local
     * stand-in) the bucket goes in the path, not the host name.
     */
    public static software.amazon.awssdk.services.s3.S3Client s3(Region region) {
        boolean local = System.getProperty("aws.endpointUrlS3") != null || System.getenv("AWS_ENDPOINT_URL_S3") != null
                || System.getenv("AWS_ENDPOINT_URL") != null || System.getProperty("aws.endpointUrl") != null;
        return software.amazon.awssdk.services.s3.S3Client.builder()
                .region(region).forcePathStyle(local).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @Override
    public java.util.Iterator<StoredObject> listObjects(String bucket, String prefix) {
        software.amazon.awssdk.services.s3.S3Client s3 = s3(region);
        java.util.Iterator<software.amazon.awssdk.services.s3.model.S3Object> pages = s3.listObjectsV2Paginator(
                r -> r.bucket(bucket).prefix(prefix)).contents().iterator();
        return new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    boolean more = pages.hasNext();
                    if (!more) {
                        s3.close();
                    }
                    return more;
                } catch (SdkException e) {
                    s3.close();
                    throw new AwsException("listing s3://" + bucket + "/" + prefix + ": " + e.getMessage(), e);
                }
            }

            @Override
            public StoredObject next() {
                software.amazon.awssdk.services.s3.model.S3Object object = pages.next();
                return new StoredObject(bucket, object.key(), object.size() == null ? 0 : object.size());
            }
        };
    }

    @Override
    public Endpoint rdsEndpoint(String instanceIdentifier) {
        try (RdsClient rds = RdsClient.builder().region(region).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            DBInstance instance = rds.describeDBInstances(r -> r.dbInstanceIdentifier(instanceIdentifier))
                    .dbInstances().stream().findFirst()
                    .orElseThrow(() -> new AwsException("RDS has no instance " + instanceIdentifier, null));
            if (instance.endpoint() == null) {
                throw new AwsException("RDS instance " + instanceIdentifier + " has no endpoint yet (status "
                        + instance.dbInstanceStatus() + ")", null);
            }
            return new Endpoint(instance.endpoint().address(), instance.endpoint().port());
        } catch (SdkException e) {
            throw new AwsException("describing RDS instance " + instanceIdentifier + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Endpoint redshiftEndpoint(String clusterIdentifier) {
        try (RedshiftClient redshift = RedshiftClient.builder().region(region)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            Cluster cluster = redshift.describeClusters(r -> r.clusterIdentifier(clusterIdentifier))
                    .clusters().stream().findFirst()
                    .orElseThrow(() -> new AwsException("Redshift has no cluster " + clusterIdentifier, null));
            if (cluster.endpoint() == null) {
                throw new AwsException("Redshift cluster " + clusterIdentifier + " has no endpoint yet (status "
                        + cluster.clusterStatus() + ")", null);
            }
            return new Endpoint(cluster.endpoint().address(), cluster.endpoint().port());
        } catch (SdkException e) {
            throw new AwsException("describing Redshift cluster " + clusterIdentifier + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String publish(String topic, String subject, String message) {
        try (SnsClient sns = sns()) {
            String arn = topic.startsWith("arn:") ? topic : topicArn(sns, topic);
            return sns.publish(r -> r.topicArn(arn).message(message).subject(subject == null || subject.isBlank() ? null
                    : subject)).messageId();
        } catch (SdkException e) {
            throw new AwsException("publishing to SNS topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private static String topicArn(SnsClient sns, String name) {
        for (Topic topic : sns.listTopicsPaginator().topics()) {
            if (topic.topicArn().endsWith(":" + name)) {
                return topic.topicArn();
            }
        }
        throw new AwsException("there is no SNS topic named " + name, null);
    }

    @Override
    public String sendMessage(String queue, String message) {
        try (SqsClient sqs = sqs()) {
            String url = queue.startsWith("http") ? queue : queueUrl(sqs, queue);
            return sqs.sendMessage(r -> r.queueUrl(url).messageBody(message)).messageId();
        } catch (SdkException e) {
            throw new AwsException("sending to SQS queue " + queue + ": " + e.getMessage(), e);
        }
    }

    private static String queueUrl(SqsClient sqs, String name) {
        try {
            return sqs.getQueueUrl(r -> r.queueName(name)).queueUrl();
        } catch (QueueDoesNotExistException e) {
            return sqs.createQueue(r -> r.queueName(name)).queueUrl();
        }
    }

    @Override
    public String createTopic(String name) {
        try (SnsClient sns = sns()) {
            return sns.createTopic(r -> r.name(name)).topicArn();
        } catch (SdkException e) {
            throw new AwsException("creating SNS topic " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void deleteTopic(String topic) {
        try (SnsClient sns = sns()) {
            String arn = topic.startsWith("arn:") ? topic : topicArn(sns, topic);
            sns.deleteTopic(r -> r.topicArn(arn));
        } catch (SdkException e) {
            throw new AwsException("deleting SNS topic " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String subscribeEmail(String topic, String email) {
        try (SnsClient sns = sns()) {
            String arn = topic.startsWith("arn:") ? topic : topicArn(sns, topic);
            return sns.subscribe(r -> r.topicArn(arn).protocol("email").endpoint(email)).subscriptionArn();
        } catch (SdkException e) {
            throw new AwsException("subscribing " + email + " to SNS topic " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String createQueue(String name) {
        try (SqsClient sqs = sqs()) {
            return sqs.createQueue(r -> r.queueName(name)).queueUrl();
        } catch (SdkException e) {
            throw new AwsException("creating SQS queue " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void deleteQueue(String queue) {
        try (SqsClient sqs = sqs()) {
            String url = queue.startsWith("http") ? queue : sqs.getQueueUrl(r -> r.queueName(queue)).queueUrl();
            sqs.deleteQueue(r -> r.queueUrl(url));
        } catch (SdkException e) {
            throw new AwsException("deleting SQS queue " + queue + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> receive(String queue, int waitSeconds, int max) {
        try (SqsClient sqs = sqs()) {
            String url = queue.startsWith("http") ? queue : sqs.getQueueUrl(r -> r.queueName(queue)).queueUrl();
            List<String> bodies = new ArrayList<>();
            for (Message message : sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(waitSeconds)
                    .maxNumberOfMessages(max)).messages()) {
                bodies.add(message.body());
                sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
            return bodies;
        } catch (SdkException e) {
            throw new AwsException("receiving from SQS queue " + queue + ": " + e.getMessage(), e);
        }
    }

    private SnsClient sns() {
        return SnsClient.builder().region(region).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private SqsClient sqs() {
        return SqsClient.builder().region(region).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @Override
    public Map<String, String> assumeRole(String roleArn) {
        try (StsClient sts = StsClient.builder().region(region).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            Credentials credentials = sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("dataload")).credentials();
            Map<String, String> params = new LinkedHashMap<>();
            params.put("aws_access_key_id", credentials.accessKeyId());
            params.put("aws_secret_access_key", credentials.secretAccessKey());
            params.put("aws_session_token", credentials.sessionToken());
            return params;
        } catch (SdkException e) {
            throw new AwsException("assuming role " + roleArn + ": " + e.getMessage(), e);
        }
    }
}
