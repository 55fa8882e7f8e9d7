package io.dataload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exec action's timeout kills its whole process tree and fails with the error text "timeout". */
class TimeoutTest {
    @TempDir
    Path dir;

    @Test
    void theCommandAndItsChildrenAreKilled() throws Exception {
        Files.writeString(dir.resolve("slow.sh"), "sleep 60 & echo $! > child.pid; sleep 60; touch finished");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"slow\", \"scripts\": {\"exec\": "
                + "{\"file\": \"slow.sh\", \"timeout\": \"300ms\"}}}], \"OnError\": {\"timeout\": [\"Stop\"]},"
                + " \"OnErrorNotification\": \"printf '%s' #'error'# > error.txt\"}");
        CliRun run = CliRun.run(dir, "a.json", "exec");
        assertEquals(1, run.exit(), run.all());
        assertEquals("timeout", Files.readString(dir.resolve("error.txt")));
        assertTrue(run.out().contains("slow.sh, stopped after 300ms"), run.out());
        long child = Long.parseLong(Files.readString(dir.resolve("child.pid")).strip());
        for (int i = 0; i < 100 && running(child); i++) {
            Thread.sleep(20);
        }
        assertFalse(running(child), "the background child is gone");
        assertFalse(Files.exists(dir.resolve("finished")));
    }

    /** Running, not a zombie waiting for an init that does not reap (as in some containers). */
    private static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (!Files.exists(stat)) {
            return false;
        }
        try {
            String text = Files.readString(stat);
            return text.charAt(text.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aBadTimeoutIsRejected() throws IOException {
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"t\", \"scripts\": {\"exec\": "
                + "{\"file\": \"a.json\", \"timeout\": \"forever\"}}}]}");
        CliRun run = CliRun.run(dir, "a.json", "exec");
        assertEquals(2, run.exit());
        assertEquals(List.of("a.json:1:77: table \"t\": action \"exec\": \"timeout\" must be a duration like 500ms, 30s, 10m or 1h",
                "dataload: 1 problem found; nothing was run."), run.err().lines().toList());
    }
}
