package io.dataload.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.cli.CliRun;
import io.dataload.standin.NotifyStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ServiceNow incident is correlated by the run and the action: a second failure reported in the
 * same run updates the open incident instead of opening another; a later run opens its own.
 */
class IncidentCorrelationTest {
    @TempDir
    Path dir;

    @Test
    void aSecondFailureOfTheRunUpdatesItsIncident() throws Exception {
        try (NotifyStandIn serviceNow = new NotifyStandIn("dataload", "sn-Password-9")) {
            Files.writeString(dir.resolve("fail.sh"), "exit 3\n");
            Files.writeString(dir.resolve("res.yml"), "ServiceNow:\n  Instance: " + serviceNow.url() + "\n  User: dataload\n"
                    + "  Password: sn-Password-9\n  AssignmentGroup: mygroup\n");
            Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"one\", \"scripts\": {\"exec\": \"fail.sh\"}},"
                    + " {\"name\": \"two\", \"scripts\": {\"exec\": \"fail.sh\"}}], \"Mode\": \"Parallel\","
                    + " \"OnErrorNotification\": {\"servicenow\": {\"instance\": \"#ServiceNow.Instance#\","
                    + " \"user\": \"#ServiceNow.User#\", \"password\": \"#ServiceNow.Password#\","
                    + " \"short_description\": \"#table_name# failed\", \"description\": \"#error#\"}}}");
            CliRun run = CliRun.run(dir, "-r", "res.yml", "a.json", "exec");
            assertEquals(1, run.exit(), run.all());
            assertEquals(1, serviceNow.incidents().size(), run.out());
            NotifyStandIn.Incident incident = serviceNow.incidents().get(0);
            assertEquals("mygroup", incident.created().path("assignment_group").asText());
            assertEquals(1, incident.workNotes().size(), "the second entry's failure is a work note");
            assertTrue(incident.workNotes().get(0).startsWith("Failed again: "), incident.workNotes().toString());
            assertTrue(run.out().contains("servicenow: incident " + incident.number() + " updated (correlation id dataload:"),
                    run.out());
            CliRun again = CliRun.run(dir, "-r", "res.yml", "a.json", "exec");
            assertEquals(1, again.exit());
            assertEquals(2, serviceNow.incidents().size(), "another run, another incident");
        }
    }
}
