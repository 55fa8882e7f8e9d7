package io.dataload.aws;

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
}
