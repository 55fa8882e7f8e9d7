package io.dataload.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataload.cli.CliRun;
import io.dataload.standin.NotifyStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code "sla"} on a file and on an entry's action, and {@code run --sla}: a run (or entry) still
 * going after it sends its OnSlaMiss notification once and carries on to success; the history
 * records the miss; a run that ends before it sends nothing.
 */
class SlaTest {
    @TempDir
    Path dir;

    private void write(String slowSeconds) throws Exception {
        Files.writeString(dir.resolve("slow.sh"), "sleep " + slowSeconds + "\n");
        Files.writeString(dir.resolve("fast.sh"), "echo fast\n");
        Files.writeString(dir.resolve("a.json"), """
                {"Tables": [{"name": "slow", "scripts": {"exec": {"file": "slow.sh", "sla": "1s"}}},
                            {"name": "fast", "scripts": {"exec": {"file": "fast.sh", "sla": "1s"}}}],
                 "sla": "2s",
                 "OnSlaMiss": {"slack": {"webhook": "#Slack.Webhook#", "channel": "#etl",
                               "text": "#table_name# #action# still running after #elapsed# (sla #sla#)"}}}
                """);
    }

    @Test
    void aSlowRunAlertsOncePerSlaAndCarriesOnAFastOneSendsNothing() throws Exception {
        try (NotifyStandIn slack = new NotifyStandIn("u", "p")) {
            Files.writeString(dir.resolve("r.yml"), "Slack:\n  Webhook: " + slack.webhook() + "\n");
            write("3");
            CliRun slow = CliRun.run(dir, "-q", "-r", "r.yml", "a.json", "exec");
            assertEquals(0, slow.exit(), slow.all());
            List<String> texts = slack.slackMessages().stream().map(m -> m.path("text").asText()).sorted().toList();
            assertEquals(List.of("a exec still running after 2s (sla 2s)", "slow exec still running after 1s (sla 1s)"), texts);

            JsonNode runs = new ObjectMapper().readTree(CliRun.of("history", "-C", dir.toString(), "--json").out().lines()
                    .findFirst().orElseThrow());
            assertTrue(runs.path("sla_missed").asBoolean(), runs.toString());
            JsonNode detail = new ObjectMapper().readTree(CliRun.of("history", "-C", dir.toString(), "--json",
                    runs.path("run_id").asText()).out());
            assertEquals(2, detail.path("sla_misses").size(), detail.toString());
            assertEquals("slack", detail.path("sla_misses").get(0).path("handlers").asText());

            write("0.1");
            CliRun fast = CliRun.run(dir, "-q", "-r", "r.yml", "a.json", "exec");
            assertEquals(0, fast.exit(), fast.all());
            assertEquals(2, slack.slackMessages().size(), "a run within its slas sends nothing");

            // run --sla: the run's sla from the command line, the file's handlers
            write("1.5");
            CliRun flag = CliRun.run(dir, "-q", "-r", "r.yml", "--sla", "500ms", "a.json", "exec");
            assertEquals(0, flag.exit(), flag.all());
            assertEquals(4, slack.slackMessages().size(), "the entry's 1s and the run's 500ms: " + slack.slackMessages());
            CliRun bad = CliRun.run(dir, "--sla", "soon", "a.json", "exec");
            assertEquals(2, bad.exit());
            assertEquals("command line: --sla must be a duration like 30s, 30m or 2h, found soon\n", bad.err());
        }
    }
}
