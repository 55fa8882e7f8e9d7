package io.dataload.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.output.LakeFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * configs/example/events-lake/run.sh as the README runs it: an hour of event files (3,600) loaded
 * with foreach into Avro partitioned by event and date, the slow step's 5 s sla alert shown once,
 * the partitions listed, compacted to one file each with the same rows.
 */
class EventsLakeExampleIT {
    @TempDir
    Path dir;

    @Test
    void theExampleLoadsCompactsAndAlertsOnce() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("configs/example/events-lake/run.sh").redirectErrorStream(true);
        builder.environment().put("EVENTS_LAKE_DIR", dir.toString());
        Process run = builder.start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, run.exitValue(), output);
        assertEquals(1, output.lines().filter(l -> l.contains("ALERT: pause exec still running after 5s (sla 5s)")).count(),
                output);
        assertTrue(output.contains("[events] items: 3600 listed, 3600 done, 0 ignored, 0 failed"), output);
        List<String> totals = output.lines().filter(l -> l.matches("5 partitions, \\d+ files, \\d+ rows, .*")).toList();
        assertEquals(2, totals.size(), output);
        assertTrue(totals.get(1).startsWith("5 partitions, 5 files, "), output);
        String rowsBefore = totals.get(0).replaceAll(".* files, (\\d+) rows.*", "$1");
        assertEquals(rowsBefore, totals.get(1).replaceAll(".* files, (\\d+) rows.*", "$1"), "the same rows: " + output);
        Path lake = dir.resolve("lake/events");
        assertEquals(List.of("event=login/date=2019-06-01", "event=logout/date=2019-06-01", "event=page_view/date=2019-06-01",
                "event=purchase/date=2019-06-01", "event=signup/date=2019-06-01"), LakeFiles.partitions(lake));
        assertEquals(Long.parseLong(rowsBefore), LakeFiles.avroCount(lake), "the manifests' files hold every row once");
    }
}
