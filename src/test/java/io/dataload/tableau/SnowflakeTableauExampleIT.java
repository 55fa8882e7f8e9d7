package io.dataload.tableau;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.cli.CliRun;
import io.dataload.standin.NotifyStandIn;
import io.dataload.standin.snowflake.SnowflakeStandIn;
import io.dataload.standin.tableau.TableauStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped example configs/example/snowflake-tableau, as a user runs it: truncate and load
 * mydb.myschema.mytable from the landing files into Snowflake (the stand-in), refresh mydatasource
 * in myproject on Tableau (the stand-in), a Slack post on success; when the refresh job keeps failing
 * after two retries, one ServiceNow incident for mygroup (correlated by run and action) and one Slack
 * failure post. Nothing reaches the internet.
 */
class SnowflakeTableauExampleIT {
    private static final String EXAMPLE = "configs/example/snowflake-tableau";
    @TempDir
    Path dir;

    @Test
    void loadRefreshAndNotifyOnceOnSuccessAndOnFailure() throws Exception {
        try (SnowflakeStandIn snowflake = SnowflakeStandIn.start(new SnowflakeStandIn.Config().dir(dir.resolve("sf"))
                .password("sf-Password-1").schemas("PUBLIC", "MYSCHEMA"));
                TableauStandIn tableau = new TableauStandIn("mysite", "dataload", "tableau-Secret-1")
                        .datasource("mydatasource", "myproject");
                NotifyStandIn notify = new NotifyStandIn("dataload", "sn-Password-1")) {
            Path example = dir.resolve(EXAMPLE);
            Files.createDirectories(example);
            try (Stream<Path> files = Files.walk(Path.of(EXAMPLE))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.createDirectories(dir.resolve(file.toString()).getParent());
                    Files.copy(file, dir.resolve(file.toString()));
                }
            }
            Path actions = example.resolve("load.json");
            // retried in this test after 100 ms rather than minutes
            Files.writeString(actions, Files.readString(actions).replace("\"30s\"", "\"100ms\"").replace("\"1m\"", "\"100ms\"")
                    .replace("\"wait\": \"30m\"", "\"wait\": \"30m\", \"poll\": \"50ms\""));
            Files.writeString(example.resolve("resources.yml"), Files.readString(example.resolve("resources.yml"))
                    .replace("http://127.0.0.1:8085", snowflake.endpoint()).replace("\"secret\"", "\"sf-Password-1\"")
                    .replace("http://127.0.0.1:8086", tableau.url()).replace("example-token-secret", "tableau-Secret-1")
                    .replace("http://127.0.0.1:8087/services/T000/B000/XXXX", notify.webhook())
                    .replace("http://127.0.0.1:8087", notify.url()).replace("example-password", "sn-Password-1"));
            assertEquals(0, run("create").exit());

            CliRun loaded = run("load");
            assertEquals(0, loaded.exit(), loaded.all());
            assertEquals(5, rows(snowflake));
            assertEquals(1, notify.slackMessages().size(), "exactly one Slack post on success");
            assertEquals("#mychannel", notify.slackMessages().get(0).path("channel").asText());
            assertTrue(notify.slackMessages().get(0).path("text").asText().contains("mydatasource refreshed"));
            assertEquals(List.of(), notify.incidents());
            assertEquals(1, tableau.requests("POST", "/refresh").size());

            tableau.jobsEnd(1, 1);
            CliRun failed = run("load");
            assertEquals(1, failed.exit(), failed.all());
            assertEquals(5, rows(snowflake), "the load itself succeeded again: truncated and reloaded, not doubled");
            assertEquals(4, tableau.requests("POST", "/refresh").size(), "the refresh was tried three times");
            assertEquals(1, notify.incidents().size(), "exactly one incident");
            var incident = notify.incidents().get(0).created();
            String runId = failed.out().replaceAll("(?s).*\\brun ([0-9A-Z]{26}): .*", "$1");
            assertEquals("dataload:" + runId + ":load", incident.path("correlation_id").asText());
            assertEquals("mygroup", incident.path("assignment_group").asText(), "from ServiceNow.AssignmentGroup");
            assertTrue(incident.path("description").asText().contains("of mydatasource failed"), incident.toString());
            assertEquals(2, notify.slackMessages().size(), "one failure post after the success post");
            assertTrue(notify.slackMessages().get(1).path("text").asText().startsWith("The mytable load failed at mydatasource"));
            String all = failed.all() + loaded.all();
            for (String secret : List.of("sf-Password-1", "tableau-Secret-1", "sn-Password-1", "XXXXSECRET")) {
                assertFalse(all.contains(secret), secret + " was printed");
            }
        }
    }

    private CliRun run(String action) {
        return CliRun.run(dir, "-r", EXAMPLE + "/resources.yml", "--db", "snowflake", "-P", "landing=" + EXAMPLE + "/landing",
                EXAMPLE + "/load.json", action);
    }

    private static int rows(SnowflakeStandIn snowflake) throws Exception {
        try (Connection connection = snowflake.database(); Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("select count(*) from mydb.myschema.mytable")) {
            count.next();
            return count.getInt(1);
        }
    }
}
