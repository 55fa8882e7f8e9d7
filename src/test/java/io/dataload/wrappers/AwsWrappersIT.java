package io.dataload.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.aws.FakeAws;
import io.dataload.aws.FakeAws.Request;
import io.dataload.execute.LocalServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wrappers' AWS calls with the real SDK pointed at a local server (AWS_ENDPOINT_URL): the
 * RDS and Redshift endpoint look-ups and the Redshift wrapper's STS AssumeRole, checked at the wire.
 */
class AwsWrappersIT {
    @TempDir
    Path dir;

    private Map<String, String> env(FakeAws aws) {
        return Map.of("AWS_ENDPOINT_URL", aws.url(), "AWS_ACCESS_KEY_ID", "AKIDFAKE", "AWS_SECRET_ACCESS_KEY", "fakeKeySecret",
                "AWS_EC2_METADATA_DISABLED", "true", "AWS_CONFIG_FILE", dir.resolve("no-config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
    }

    @Test
    void postgresLoadTLooksTheEndpointUpInRds() throws Exception {
        LocalServers.require("postgres").close();
        Files.writeString(dir.resolve("res.yml"), "Region: \"us-west-2\"\nRDS:\n  DBName: \"test\"\n"
                + "  DBInstanceIdentifier: \"LegacyTest\"\n  MasterUsername: \"postgres\"\n  Port: \"1\"\n");
        Files.writeString(dir.resolve("select.sql"), "select 1;");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"probe\", \"scripts\": {\"check\": \"select.sql\"}}],"
                + " \"OnSuccess\": \"echo #host# > host.txt\"}");
        Map<String, Function<Request, String>> answers = Map.of(
                "DescribeDBInstances", r -> FakeAws.describeDbInstance("127.0.0.1", 5432));
        try (FakeAws aws = new FakeAws(answers)) {
            WrapperProcess run = WrapperProcess.run(dir, env(aws), "PostgresLoadT", "res.yml", "a.json", "check");
            assertEquals(0, run.exit(), run.output());
            assertEquals("127.0.0.1", Files.readString(dir.resolve("host.txt")).strip());
            Request request = aws.requests().get(0);
            assertEquals("POST", request.method());
            assertEquals("LegacyTest", request.form().get("DBInstanceIdentifier"));
            assertTrue(request.authorization().startsWith("AWS4-HMAC-SHA256 Credential=AKIDFAKE/")
                    && request.authorization().contains("/us-west-2/rds/aws4_request"), request.authorization());
        }
    }

    @Test
    void redshiftLoadTAssumesTheRoleAndPassesItsCredentialsMasked() throws Exception {
        Files.writeString(dir.resolve("res.yml"), "Region: \"us-east-1\"\nRedshiftCluster:\n  DBName: \"supportdw\"\n"
                + "  ClusterIdentifier: \"Support\"\n  MasterUsername: \"masteruser\"\n  Port: \"5439\"\n"
                + "Access:\n  RoleArn: \"arn:aws:iam::123456789012:role/TempBucketsAccessRole\"\n");
        Files.writeString(dir.resolve("creds.sh"), "echo \"#aws_access_key_id# #aws_secret_access_key# #aws_session_token# #host#\""
                + " > creds.txt; echo using #aws_secret_access_key#");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"creds\", \"scripts\": {\"exec\": \"creds.sh\"}}]}");
        Map<String, Function<Request, String>> answers = Map.of(
                "DescribeClusters", r -> FakeAws.describeCluster("127.0.0.1", 5439),
                "AssumeRole", FakeAws::assumeRole);
        try (FakeAws aws = new FakeAws(answers)) {
            WrapperProcess run = WrapperProcess.run(dir, env(aws), "RedshiftLoadT", "res.yml", "a.json", "exec");
            assertEquals(0, run.exit(), run.output());
            assertEquals("ASIAFAKEKEY fakeSecretValue fakeSessionToken 127.0.0.1",
                    Files.readString(dir.resolve("creds.txt")).strip());
            List<String> actions = aws.requests().stream().map(Request::action).toList();
            assertEquals(List.of("DescribeClusters", "AssumeRole"), actions);
            Request assume = aws.requests().get(1);
            assertEquals("arn:aws:iam::123456789012:role/TempBucketsAccessRole", assume.form().get("RoleArn"));
            assertTrue(assume.authorization().contains("/us-east-1/sts/aws4_request"), assume.authorization());
            assertEquals("Support", aws.requests().get(0).form().get("ClusterIdentifier"));
            assertFalse(run.output().contains("fakeSecretValue") || run.output().contains("fakeSessionToken"), run.output());
            try (Stream<Path> logs = Files.list(dir.resolve("logs"))) {
                for (Path log : logs.toList()) {
                    String text = Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1); // the history store too
                    assertFalse(text.contains("fakeSecretValue") || text.contains("fakeSessionToken"), log + ": " + text);
                }
            }
        }
    }

    @Test
    void anAwsFailureIsOneClearLine() throws Exception {
        Files.writeString(dir.resolve("res.yml"), "Region: \"us-west-2\"\nRDS:\n  DBInstanceIdentifier: \"Missing\"\n");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"probe\", \"scripts\": {\"exec\": \"x.sh\"}}]}");
        Files.writeString(dir.resolve("x.sh"), "true");
        try (FakeAws aws = new FakeAws(Map.of())) {
            WrapperProcess run = WrapperProcess.run(dir, env(aws), "PostgresLoadT", "res.yml", "a.json", "exec");
            assertEquals(1, run.exit(), run.output());
            assertTrue(run.output().startsWith("dataload: describing RDS instance Missing: "), run.output());
            assertFalse(run.output().contains("\tat "), "no stack trace");
        }
    }
}
