package io.dataload.aws;

/** What an RDS instance or Redshift cluster is created with, from the resource file. */
public record DbSettings(String identifier, String engine, String nodeType, int storageGb, String database, String user,
        String password, int port, String subnetGroup) {
}
