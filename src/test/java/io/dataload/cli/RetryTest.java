package io.dataload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Native retry ({"retry": {"after": ...}}) end to end with an exec action that fails a few times. */
class RetryTest {
    @TempDir
    Path dir;

    @BeforeEach
    void script() throws IOException {
        // fails until it has been run #times# times
        Files.writeString(dir.resolve("flaky.sh"), "n=$(cat count 2>/dev/null || echo 0); n=$((n+1)); echo $n > count;"
                + " [ $n -ge #times# ] || { echo \"not yet ($n)\"; exit 1; }");
    }

    private void actions(String policy) throws IOException {
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"flaky\", \"scripts\": {\"exec\": \"flaky.sh\"}}],"
                + " \"OnError\": {\"not yet\": " + policy + "}}");
    }

    @Test
    void theEntryRunsAgainWithTheNextAttemptsAnswer() throws IOException {
        actions("[{\"retry\": {\"after\": \"50ms\"}}, {\"retry\": {\"after\": \"50ms\"}}, \"Stop\"]");
        CliRun run = CliRun.run(dir, "-P", "times=3", "a.json", "exec");
        assertEquals(0, run.exit(), run.all());
        assertEquals("3", Files.readString(dir.resolve("count")).strip());
        assertTrue(run.out().contains("OnError \"not yet\", attempt 2: retry after 50ms")
                && run.out().contains("exec (attempt 3): flaky.sh"), run.out());
    }

    @Test
    void retriesEndWhenTheListSaysStop() throws IOException {
        actions("[{\"retry\": {\"after\": \"10ms\"}}, \"Stop\"]");
        CliRun run = CliRun.run(dir, "-P", "times=9", "a.json", "exec");
        assertEquals(1, run.exit(), run.all());
        assertEquals("2", Files.readString(dir.resolve("count")).strip());
        assertTrue(run.out().contains("OnError \"not yet\", attempt 2: Stop"), run.out());
    }

    @Test
    void theStartingAttemptCountsToo() throws IOException {
        actions("[{\"retry\": {\"after\": \"10ms\"}}, \"Stop\"]");
        CliRun run = CliRun.run(dir, "-P", "times=9", "a.json", "exec", "", "2");
        assertEquals(1, run.exit(), run.all());
        assertEquals("1", Files.readString(dir.resolve("count")).strip());
    }

    @Test
    void aBadDurationIsRejectedBeforeAnythingRuns() throws IOException {
        actions("[{\"retry\": {\"after\": \"soon\"}}]");
        CliRun run = CliRun.run(dir, "-P", "times=1", "a.json", "exec");
        assertEquals(2, run.exit());
        assertEquals("a.json:1:110: \"OnError\" \"not yet\": \"retry\": \"soon\" is not a duration;"
                + " write it like 500ms, 30s, 5m or 1h\ndataload: 1 problem found; nothing was run.\n", run.err());
    }
}
