package io.dataload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end with exec actions only, so no database is involved. */
class RunCommandTest {
    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text);
    }

    @Test
    void helpDescribesPositionalsExitCodesAndCompletionIsOffered() {
        CliRun plan = CliRun.of("plan", "--help");
        assertTrue(plan.out().contains("ACTIONS.json           The action file."), plan.out());
        assertTrue(plan.out().contains("143   terminated (SIGTERM)"), plan.out());
        CliRun completion = CliRun.of("generate-completion");
        assertEquals(0, completion.exit(), completion.all());
        assertTrue(completion.out().contains("redshift-cluster") && completion.out().contains("complete -F"),
                completion.out());
    }

    @Test
    void helpListsTheExitCodes() {
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("Exit codes:") && help.out().contains("130   interrupted")
                && help.out().contains("2     bad usage, configuration or placeholder (nothing ran)"), help.out());
        assertTrue(CliRun.of("run", "--help").out().contains("3     internal error"));
        assertTrue(CliRun.of("--version").out().startsWith("dataload "));
    }

    /** Only the named subcommand's model is built for a run; help and mistakes still see them all. */
    @Test
    void helpAndUnknownCommandsSeeEverySubcommand() {
        String help = CliRun.of("--help").out();
        for (String command : List.of("run", "validate", "plan", "demo", "postgres", "mysql", "redshift", "cli", "sns",
                "sqs", "rds", "redshift-cluster", "vpc", "help")) {
            assertTrue(help.contains("\n  " + command + " "), command + " in\n" + help);
        }
        assertTrue(CliRun.of("help", "sns").out().contains("Usage: dataload sns"));
        CliRun typo = CliRun.of("rnu", "a.json", "exec");
        assertEquals(2, typo.exit());
        // an unknown command is one line with a suggestion and where help is (UsageErrorsTest), not the whole list
        assertTrue(typo.err().contains("Unmatched arguments from index 0: 'rnu'") && typo.err().contains("dataload run?"),
                typo.err());
        assertTrue(CliRun.of("sqs", "--help").out().contains("Usage: dataload sqs"));
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, CliRun.of().exit());
        assertEquals(2, CliRun.of("run").exit());
        CliRun attempt = CliRun.run(dir, "a.json", "exec", "", "0");
        assertEquals(2, attempt.exit());
        assertTrue(attempt.err().contains("ATTEMPT must be 1 or more, found 0"), attempt.err());
    }

    @Test
    void handlersRunInOrderAndExecOpensNoDatabase() throws IOException {
        write("check.sh", "echo \"check #table_name# #action#\" >> events.txt");
        write("a.json", """
                {"Tables": [
                   {"name": "one", "scripts": {"exec": {"file": "check.sh", "OnSuccess": "echo 'action OnSuccess #table_name#' >> events.txt"}}},
                   {"name": "skipped", "scripts": {"load": "nothing.sql"}},
                   {"name": "two", "scripts": {"exec": "check.sh"}}],
                 "OnSuccessexec": "echo 'OnSuccessexec' >> events.txt",
                 "OnSuccessload": "echo 'not this one' >> events.txt",
                 "OnSuccess": "echo 'OnSuccess' >> events.txt",
                 "OnSuccessNotification": "echo 'OnSuccessNotification #action#' >> events.txt"}
                """);
        write("nothing.sql", "select 1;");
        CliRun run = CliRun.run(dir, "a.json", "exec");
        assertEquals(0, run.exit(), run.all());
        assertEquals(List.of("check one exec", "action OnSuccess one", "check two exec", "OnSuccessexec", "OnSuccess",
                "OnSuccessNotification exec"), Files.readAllLines(dir.resolve("events.txt")));
        assertFalse(Files.exists(dir.resolve("dataload.duckdb")), "exec must not open the database");
    }

    @Test
    void parallelEntriesRunAtTheSameTime() throws IOException {
        // each entry waits for the other's file: only a concurrent run can finish both
        write("wait.sh", "touch #table_name#.started; i=0; while [ ! -e #other#.started ]; do i=$((i+1)); "
                + "[ $i -gt 200 ] && exit 1; sleep 0.05; done");
        write("a.json", """
                {"Tables": [{"name": "a", "scripts": {"exec": "wait.sh"}}, {"name": "b", "scripts": {"exec": "wait-b.sh"}}],
                 "Mode": "Parallel"}
                """);
        write("wait-b.sh", Files.readString(dir.resolve("wait.sh")).replace("#other#", "a"));
        write("wait.sh", Files.readString(dir.resolve("wait.sh")).replace("#other#", "b"));
        CliRun run = CliRun.run(dir, "a.json", "exec");
        assertEquals(0, run.exit(), run.all());
    }

    @Test
    void aFailedCommandStopsASequentialRunAndNotifies() throws IOException {
        write("fail.sh", "echo 'could not be read' ; exit 3");
        write("ok.sh", "touch ran-#table_name#");
        write("a.json", """
                {"Tables": [{"name": "bad", "scripts": {"exec": "fail.sh"}}, {"name": "after", "scripts": {"exec": "ok.sh"}}],
                 "OnErrorNotification": "cat > notified.txt <<'END'\\n#table_name# #action#: #error#\\nEND"}
                """);
        CliRun run = CliRun.run(dir, "a.json", "exec");
        assertEquals(1, run.exit(), run.all());
        assertEquals("bad exec: Command returned non-zero exit status 3. could not be read\n",
                Files.readString(dir.resolve("notified.txt")));
        assertFalse(Files.exists(dir.resolve("ran-after")));
        assertTrue(run.out().contains("stopped after the failure of bad; not run: after"), run.out());
    }

    @Test
    void badInputExitsTwoWithEveryProblemAndRunsNothing() throws IOException {
        write("ok.sh", "touch ran");
        write("sql/load.sql", "insert into #table_name#\nselect * from #nowhere#;");
        write("a.json", """
                {"Tables": [{"name": "t", "scripts": {"exec": "ok.sh", "load": "sql/load.sql"}},
                            {"name": "u", "scripts": {"load": "sql/missing.sql"}}],
                 "OnErrorNotification": "echo #eror#"}
                """);
        CliRun run = CliRun.run(dir, "a.json", "load");
        assertEquals(2, run.exit());
        assertEquals(("""
                a.json:2:47: table "u": action "load": file sql/missing.sql not found in DIR
                a.json:3:31: placeholder #eror# is not defined (not a built-in, not in "Placeholders", the resource file or a -P parameter)
                sql/load.sql:2:15: placeholder #nowhere# is not defined (not a built-in, not in "Placeholders", the resource file or a -P parameter)
                dataload: 3 problems found; nothing was run.
                """).replace("DIR", dir.toAbsolutePath().normalize().toString()), run.err());
        assertFalse(Files.exists(dir.resolve("dataload.duckdb")), "nothing may touch the database");
        assertFalse(Files.exists(dir.resolve("logs")));
    }

    @Test
    void unknownActionsTablesAndFilesAreNamed() throws IOException {
        write("a.json", "{\"Tables\": [{\"name\": \"t\", \"scripts\": {\"create\": \"c.sql\", \"drop\": \"c.sql\"}}]}");
        write("c.sql", "select 1;");
        assertEquals("a.json: no entry defines action \"creat\"; actions in this file: create, drop\n"
                + "dataload: 1 problem found; nothing was run.\n", CliRun.run(dir, "a.json", "creat").err());
        assertEquals("a.json: starting table \"x\" is not in \"Tables\"; entries: t\n"
                + "dataload: 1 problem found; nothing was run.\n", CliRun.run(dir, "a.json", "create", "x").err());
        CliRun missing = CliRun.run(dir, "-r", "nope.yml", "a.json", "create");
        assertEquals(2, missing.exit());
        assertEquals("nope.yml: file not found\ndataload: 1 problem found; nothing was run.\n", missing.err());
    }

    @Test
    void theLogIsSavedUnderTheOriginalNameOwnerOnlyAndWithoutSecrets() throws IOException {
        write("conf/res.yml", "DB:\n  MasterUserPassword: \"s3cr3t-value\"\n  Name: demo\n");
        write("sql/show.sh", "echo connecting to #DB.Name# with #DB.MasterUserPassword# token #api_token#");
        write("conf/a.json", "{\"Tables\": [{\"name\": \"t\", \"scripts\": {\"exec\": \"sql/show.sh\"}}]}");
        CliRun run = CliRun.run(dir, "-v", "-r", "conf/res.yml", "-P", "api_token=tok-12345", "conf/a.json", "exec",
                "t", "2");
        assertEquals(0, run.exit(), run.all());
        Path log;
        try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
            log = files.filter(p -> p.toString().endsWith(".log")).findFirst().orElseThrow();
        }
        assertTrue(log.getFileName().toString().matches("dataload_conf_a_exec_2_\\d{14}\\.log"), log.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
        String text = Files.readString(log);
        assertTrue(text.contains("[t] output: connecting to demo with **** token ****"), text);
        assertFalse(text.contains("s3cr3t-value") || text.contains("tok-12345"), text);
        assertFalse(run.all().contains("s3cr3t-value") || run.all().contains("tok-12345"), run.all());
        Path results = dir.resolve("logs").resolve(log.getFileName().toString().replace(".log", ".results.json"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(results)));
    }
}
