package io.dataload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A usage error is one line, a suggestion when there is one, and where help is; exit 2, nothing runs. */
class UsageErrorsTest {
    @TempDir
    Path dir;

    @Test
    void usageErrorsAreShortAndHelpful() throws Exception {
        Files.writeString(dir.resolve("t.sh"), "touch ran");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"a\", \"scripts\": {\"exec\": \"t.sh\"}}]}");
        CliRun typo = CliRun.of("rnu", "a.json", "exec");
        assertEquals(2, typo.exit());
        assertTrue(typo.err().contains("Did you mean: dataload run?") && typo.err().contains("See 'dataload --help'."),
                typo.err());
        assertTrue(typo.err().lines().count() <= 4 && !typo.err().contains("Usage:"), typo.err());
        CliRun none = CliRun.of();
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("missing command; one of: run, validate, plan, demo, ")
                && none.err().contains(" history, "), none.err());
        CliRun pool = CliRun.run(dir, "--pool", "abc", "a.json", "exec");
        assertEquals(2, pool.exit());
        assertTrue(!pool.err().contains("Usage:") && pool.err().contains("See 'dataload run --help'."), pool.err());
        CliRun noValue = CliRun.run(dir, "-P", "n", "a.json", "exec");
        assertEquals(2, noValue.exit());
        assertTrue(noValue.err().contains("Value for option '--param'"), noValue.err());
        CliRun emptyKey = CliRun.run(dir, "-P", "=1", "a.json", "exec");
        assertEquals(2, emptyKey.exit());
        assertTrue(emptyKey.err().contains("-P =1: the key is empty"), emptyKey.err());
        CliRun verbose = CliRun.of("validate", "-v", "-C", dir.toString(), "a.json");
        assertEquals(2, verbose.exit());
        assertTrue(!verbose.err().contains("--version"), verbose.err());
        assertTrue(!Files.exists(dir.resolve("ran")), "nothing ran");
        CliRun emptyValue = CliRun.run(dir, "-q", "-P", "n=", "a.json", "exec");
        assertEquals(0, emptyValue.exit(), emptyValue.all());
        assertTrue(emptyValue.err().contains("-P n= gives #n# an empty value"), emptyValue.err());
    }

    @Test
    void aRunWithoutDbSaysWhichDatabaseItUses() throws Exception {
        Files.writeString(dir.resolve("q.sql"), "select 1;");
        Files.writeString(dir.resolve("ok.sh"), "true");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"a\", \"scripts\": {\"exec\": \"ok.sh\"}}],"
                + " \"OnSuccess\": {\"run\": {\"file\": \"b.json\", \"action\": \"load\"}}}");
        Files.writeString(dir.resolve("b.json"), "{\"Tables\": [{\"name\": \"q\", \"scripts\": {\"load\": \"q.sql\"}}]}");
        CliRun run = CliRun.run(dir, "a.json", "exec");
        assertEquals(0, run.exit(), run.all());
        assertTrue(run.err().contains("database jdbc:duckdb:" + dir.resolve("dataload.duckdb")
                + " (none was chosen: the embedded default; choose one with --db)"), run.err());
    }

    @Test
    void misspellingsAreReportedTogetherWithErrors() throws Exception {
        Files.writeString(dir.resolve("a.sql"), "select 1;");
        Files.writeString(dir.resolve("m.json"), "{\"Tables\": [{\"name\": \"a\", \"scirpts\": {\"load\": \"a.sql\"}}],"
                + " \"OnErorr\": {\"AnyOther\": [\"Stop\"]}}");
        CliRun validate = CliRun.of("validate", "-C", dir.toString(), "m.json");
        assertEquals(2, validate.exit());
        assertTrue(validate.err().contains("unknown key \"scirpts\" is ignored; did you mean \"scripts\"?")
                && validate.err().contains("unknown key \"OnErorr\" is ignored; did you mean \"OnError\"?")
                && validate.err().contains("missing \"scripts\""), validate.err());
    }
}
