package io.dataload.aws;

import java.util.List;
import java.util.Map;

/**
 * The AWS calls the wrappers make, behind an interface so that the engine runs (and is tested)
 * without AWS: endpoint lookups and temporary credentials.
 */
public interface AwsServices {

    /** The endpoint of an RDS instance, by {@code DBInstanceIdentifier}. */
    Endpoint rdsEndpoint(String instanceIdentifier);

    /** The endpoint of a Redshift cluster, by {@code ClusterIdentifier}. */
    Endpoint redshiftEndpoint(String clusterIdentifier);

    /**
     * Temporary credentials of a role, as the runtime parameters the Python Redshift wrapper
     * passed: {@code aws_access_key_id}, {@code aws_secret_access_key}, {@code aws_session_token}.
     */
    Map<String, String> assumeRole(String roleArn);

    /** Publishes to an SNS topic given by name or ARN; returns the message id. */
    String publish(String topic, String subject, String message);

    /** Sends to an SQS queue given by name (created when missing, as the Python helper did) or URL; returns the message id. */
    String sendMessage(String queue, String message);

    /** Creates (or finds) an SNS topic; returns its ARN. */
    String createTopic(String name);

    /** Deletes an SNS topic given by name or ARN. */
    void deleteTopic(String topic);

    /** Subscribes an e-mail address to a topic; returns the subscription ARN (pending until confirmed). */
    String subscribeEmail(String topic, String email);

    /** Creates (or finds) an SQS queue; returns its URL. */
    String createQueue(String name);

    /** Deletes an SQS queue given by name or URL. */
    void deleteQueue(String queue);

    /** An S3 object as a listing gives it. */
    record StoredObject(String bucket, String key, long size) {
    }

    /**
     * The objects under {@code prefix} of {@code bucket}, in key order, listed a page (1,000 keys) at a
     * time as the iterator is read; a listing failure is an {@link AwsException} from the iterator.
     */
    java.util.Iterator<StoredObject> listObjects(String bucket, String prefix);

    /** Receives up to {@code max} messages, waiting up to {@code waitSeconds}, and deletes them; returns their bodies. */
    List<String> receive(String queue, int waitSeconds, int max);
}
