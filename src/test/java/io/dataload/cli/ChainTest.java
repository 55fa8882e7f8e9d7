package io.dataload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In-process chaining ({"run": ...}) end to end, with exec actions. */
class ChainTest {
    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    @BeforeEach
    void scripts() throws IOException {
        write("step.sh", "echo \"#table_name# #action# #stage#\" >> events.txt");
        write("fail.sh", "exit 4");
    }

    @Test
    void chainsRunInOrderAfterTheirRunWithParameters() throws IOException {
        write("first.json", """
                {"Tables": [{"name": "a", "scripts": {"exec": "step.sh"}}],
                 "OnSuccessexec": [{"run": {"file": "second.json", "action": "exec", "params": {"stage": "two"}}},
                                   "echo 'first done' >> events.txt"]}
                """);
        write("second.json", """
                {"Tables": [{"name": "a", "scripts": {"exec": "step.sh"}}, {"name": "b", "scripts": {"exec": "step.sh"}}],
                 "Mode": "Parallel",
                 "OnSuccess": "echo 'second done #stage#' >> events.txt"}
                """);
        CliRun run = CliRun.run(dir, "-P", "stage=one", "first.json", "exec");
        assertEquals(0, run.exit(), run.all());
        List<String> events = Files.readAllLines(dir.resolve("events.txt"));
        assertEquals(List.of("a exec one", "first done"), events.subList(0, 2));
        assertEquals(List.of("a exec two", "b exec two"), events.subList(2, 4).stream().sorted().toList());
        assertEquals(List.of("second done two"), events.subList(4, events.size()));
        assertTrue(run.out().contains("[second/b]"), run.out());
        assertTrue(run.out().contains("chained run \"exec\" over second.json"), run.out());
    }

    @Test
    void aLoopIsRejectedBeforeAnythingRuns() throws IOException {
        write("a.json", """
                {"Tables": [{"name": "a", "scripts": {"exec": "step.sh"}}],
                 "OnSuccess": {"run": {"file": "b.json", "action": "exec"}}}
                """);
        write("b.json", """
                {"Tables": [{"name": "b", "scripts": {"exec": "step.sh", "load": "step.sh"}}],
                 "OnSuccessexec": {"run": {"file": "b.json", "action": "load"}},
                 "OnSuccessload": {"run": {"file": "./a.json", "action": "exec"}}}
                """);
        CliRun run = CliRun.run(dir, "-P", "stage=x", "a.json", "exec");
        assertEquals(2, run.exit(), run.all());
        assertEquals("b.json:3:27: chain loops: a.json exec -> b.json exec -> b.json load -> ./a.json exec\n"
                + "dataload: 1 problem found; nothing was run.\n", run.err());
        assertFalse(Files.exists(dir.resolve("events.txt")));
    }

    @Test
    void problemsInAChainedFileAreFoundUpFront() throws IOException {
        write("a.json", """
                {"Tables": [{"name": "a", "scripts": {"exec": "step.sh"}}],
                 "OnSuccess": {"run": {"file": "b.json", "action": "exec", "table": "b"}}}
                """);
        write("b.json", "{\"Tables\": [{\"name\": \"b\", \"scripts\": {\"exec\": \"missing.sh\"}}]}");
        CliRun run = CliRun.run(dir, "-P", "stage=x", "a.json", "exec");
        assertEquals(2, run.exit());
        assertEquals("b.json:1:47: table \"b\": action \"exec\": file missing.sh not found in "
                + dir.toAbsolutePath().normalize() + "\n"
                + "dataload: 1 problem found; nothing was run.\n", run.err());
        write("b.json", "{\"Tables\": [{\"name\": \"c\", \"scripts\": {\"exec\": \"step.sh\"}}]}");
        assertTrue(CliRun.run(dir, "-P", "stage=x", "a.json", "exec").err()
                .contains("b.json: starting table \"b\" is not in \"Tables\"; entries: c"));
    }

    @Test
    void anOnErrorChainRunsAfterTheFailedRun() throws IOException {
        write("a.json", """
                {"Tables": [{"name": "a", "scripts": {"exec": "fail.sh"}}],
                 "OnError": {"AnyOther": [{"run": {"file": "cleanup.json", "action": "exec"}}]}}
                """);
        write("cleanup.json", "{\"Tables\": [{\"name\": \"cleanup\", \"scripts\": {\"exec\": \"step.sh\"}}]}");
        CliRun run = CliRun.run(dir, "-P", "stage=after-error", "a.json", "exec");
        assertEquals(1, run.exit(), run.all());
        assertEquals(List.of("cleanup exec after-error"), Files.readAllLines(dir.resolve("events.txt")));
    }
}
