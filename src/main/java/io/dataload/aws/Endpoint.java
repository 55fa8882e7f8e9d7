package io.dataload.aws;

/** Where a database answers, as AWS describes it. */
public record Endpoint(String host, int port) {
}
