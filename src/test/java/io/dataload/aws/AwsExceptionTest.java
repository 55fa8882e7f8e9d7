package io.dataload.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/** AWS failures in words a user can act on, in one line. */
class AwsExceptionTest {

    @Test
    void noCredentialsIsOneSentenceAndAConfigurationProblem() {
        SdkClientException sdk = SdkClientException.create("Unable to load credentials from any of the providers in the"
                + " chain AwsCredentialsProviderChain(credentialsProviders=[" + "x".repeat(1400) + "])");
        AwsException e = new AwsException("creating SNS topic x: " + sdk.getMessage(), sdk);
        assertEquals("creating SNS topic x: no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or"
                + " AWS_PROFILE), or run where an instance or container role provides them", e.getMessage());
        assertTrue(e.configuration());
    }

    @Test
    void anUnknownHostIsNamed() {
        SdkClientException sdk = SdkClientException.builder().message("Received an UnknownHostException when attempting"
                + " to interact with a service. See cause for the exact endpoint that is failing to resolve.")
                .cause(new UnknownHostException("sns.us-east-1.amazonaws.com")).build();
        AwsException e = new AwsException("creating SNS topic x: " + sdk.getMessage(), sdk);
        assertEquals("creating SNS topic x: cannot resolve the host sns.us-east-1.amazonaws.com (no network, a DNS"
                + " problem, or a wrong region or endpoint)", e.getMessage());
        assertTrue(!e.configuration());
    }
}
