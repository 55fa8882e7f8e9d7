package io.dataload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker that cannot start says why in one line: exit 2 for bad options, 1 for a queue or store out of reach. */
class WorkerCommandTest {
    @TempDir
    Path dir;

    @Test
    void aQueueOrStoreOutOfReachIsOneLineAndExitOne() {
        String store = "jdbc:sqlite:" + dir.resolve("h.db");
        CliRun queue = CliRun.of("worker", "--queue", "amqp://guest:s3cr3t-pw@127.0.0.1:1/%2F?queue=x", "--state", store);
        assertEquals(1, queue.exit(), queue.all());
        assertEquals("dataload: cannot reach RabbitMQ at amqp://guest:****@127.0.0.1:1/%2F?queue=x: Connection refused\n",
                queue.err());
        CliRun state = CliRun.of("worker", "--queue", "amqp://guest:guest@127.0.0.1:5672/", "--state",
                "jdbc:postgresql://127.0.0.1:1/nowhere?user=x&password=pg-s3cret");
        assertEquals(1, state.exit(), state.all());
        assertTrue(state.err().startsWith("dataload: cannot open the run-history store jdbc:postgresql://127.0.0.1:1/nowhere?"
                + "user=x&password=****: ") && state.err().lines().count() == 1, state.err());
    }

    @Test
    void badOptionsAreUsageErrors() {
        CliRun scheme = CliRun.of("worker", "--queue", "ftp://x/y", "--state", "jdbc:sqlite:x.db");
        assertEquals(2, scheme.exit());
        assertTrue(scheme.err().startsWith("command line: --queue must be an SQS queue URL"), scheme.err());
        CliRun lease = CliRun.of("worker", "--queue", "amqp://h/", "--state", "jdbc:sqlite:x.db", "--lease", "soon");
        assertEquals("command line: --lease must be a duration of a second or more, such as 60s, found soon\n", lease.err());
        CliRun wait = CliRun.of("submit", "--queue", "amqp://h/", "-C", dir.toString(), "--wait", "a.json", "load");
        assertEquals(2, wait.exit(), wait.all());
    }
}
