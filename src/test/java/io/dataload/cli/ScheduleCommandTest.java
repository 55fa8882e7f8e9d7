package io.dataload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A schedule can be checked in review: --next prints the fire times, and every problem is a file:line error. */
class ScheduleCommandTest {
    @TempDir
    Path dir;

    @Test
    void nextShowsTheDaylightSavingDaysInTheJobsZone() throws Exception {
        Files.writeString(dir.resolve("t.sh"), "touch ran");
        Files.writeString(dir.resolve("n.json"), "{\"Tables\": [{\"name\": \"a\", \"scripts\": {\"exec\": \"t.sh\"}}]}");
        Files.writeString(dir.resolve("s.yml"), "timezone: Europe/Zurich\njobs:\n  - name: nightly\n    cron: \"30 2 * * *\"\n"
                + "    run: {file: n.json, action: exec}\n");
        CliRun next = CliRun.of("schedule", "-C", dir.toString(), "--next", "3", "--from", "2026-10-24T00:00:00Z", "s.yml");
        assertEquals(0, next.exit(), next.all());
        assertEquals("""
                job nightly: 30 2 * * * (Europe/Zurich), overlap skip, catch-up none: n.json exec
                  2026-10-24 02:30:00+02:00 [Europe/Zurich]
                  2026-10-25 02:30:00+02:00 [Europe/Zurich]
                  2026-10-26 02:30:00+01:00 [Europe/Zurich]
                """, next.out());
        assertTrue(!Files.exists(dir.resolve("ran")), "nothing ran");
    }

    @Test
    void everyProblemIsAFileLineErrorBeforeAnythingStarts() throws Exception {
        Files.writeString(dir.resolve("s.yml"), "timezone: Europe/Zurch\njobz: []\njobs:\n  - name: x\n    cron: \"30 2 * *\"\n"
                + "    run: {file: nope.json, action: exec}\n    overlap: never\n    timeout: soon\n");
        CliRun run = CliRun.of("schedule", "-C", dir.toString(), "s.yml");
        assertEquals(2, run.exit());
        assertEquals("""
                s.yml:1:11: unknown time zone "Europe/Zurch"; use a region such as Europe/Zurich or America/New_York, or UTC
                s.yml:2:7: unknown key "jobz"; did you mean "jobs"?
                s.yml:5:11: job "x": cron: a cron line has 5 fields (minute hour day-of-month month day-of-week), found 4 in "30 2 * *"
                s.yml:6:17: job "x": run.file nope.json: file not found
                s.yml:7:14: job "x": overlap must be one of skip, queue, allow, found "never"
                s.yml:8:14: job "x": timeout must be a duration such as 30s, 10m or 2h
                dataload: 6 problems found; nothing was run.
                """, run.err());
        Files.writeString(dir.resolve("broken.yml"), "jobs:\n  - name: [\n");
        CliRun yaml = CliRun.of("schedule", "-C", dir.toString(), "broken.yml");
        assertEquals(2, yaml.exit());
        assertTrue(yaml.err().startsWith("broken.yml:"), yaml.err());
    }
}
