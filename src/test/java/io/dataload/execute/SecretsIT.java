package io.dataload.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A known secret (a resource password, a -P token) that ends up in SQL, in a database error and
 * in a command never shows: not on the console, in the log, the results file or `plan`. A
 * database that is down at start fails fast with exit 1 and runs the error notification.
 */
class SecretsIT {
    private static final String PASSWORD = "Pa55-word-XYZ";
    private static final String TOKEN = "tok-987654321";

    @TempDir
    Path dir;

    @Test
    void aFailingRunNeverShowsTheSecrets() throws Exception {
        LocalServers.require(LocalServers.POSTGRES, "PostgreSQL").close();
        Files.writeString(dir.resolve("res.yml"), "Service:\n  Password: \"" + PASSWORD + "\"\n");
        Files.writeString(dir.resolve("leak.sql"), "select '#Service.Password#'::int;");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"leak\", \"scripts\": {\"load\": \"leak.sql\"}}],"
                + " \"OnError\": {\"AnyOther\": [\"echo failed with #api_token# >&2\"]},"
                + " \"OnErrorNotification\": \"echo #'error'#\"}");
        CliRun run = CliRun.run(dir, "-v", "-r", "res.yml", "-P", "api_token=" + TOKEN, "--db", LocalServers.POSTGRES,
                "a.json", "load");
        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("invalid input syntax for type integer: \"****\""), run.out());
        StringBuilder everything = new StringBuilder(run.all());
        try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
            for (Path file : files.toList()) {
                everything.append(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)); // the history store too, byte for byte
            }
        }
        CliRun plan = CliRun.of("plan", "-v", "-C", dir.toString(), "-r", "res.yml", "-P", "api_token=" + TOKEN,
                "a.json", "load");
        assertEquals(0, plan.exit(), plan.all());
        everything.append(plan.all());
        assertFalse(everything.toString().contains(PASSWORD), everything.toString());
        assertFalse(everything.toString().contains(TOKEN), everything.toString());
    }

    /** PostgreSQL folds an unquoted identifier to lower case and echoes it in its error: still masked. */
    @Test
    void aSecretTheDatabaseEchoesInLowerCaseIsMaskedToo() throws Exception {
        LocalServers.require(LocalServers.POSTGRES, "PostgreSQL").close();
        String secret = "MixedCaseSecret42";
        Files.writeString(dir.resolve("res.yml"), "Service:\n  Password: " + secret + "\n");
        Files.writeString(dir.resolve("fold.sql"), "select #Service.Password#x;");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"fold\", \"scripts\": {\"load\": \"fold.sql\"}}]}");
        CliRun run = CliRun.run(dir, "-v", "-r", "res.yml", "--db", LocalServers.POSTGRES, "a.json", "load");
        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("column \"****x\" does not exist"), run.out());
        StringBuilder everything = new StringBuilder(run.all());
        try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
            for (Path file : files.toList()) {
                everything.append(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)); // the history store too, byte for byte
            }
        }
        assertFalse(everything.toString().toLowerCase().contains(secret.toLowerCase()), everything.toString());
    }

    /**
     * A value is inserted once and never expanded again: a data row holding a placeholder's text
     * reaches an error command as that text (not the password), and a password holding a quote
     * cannot break out of {@code #'error'#}. A secret the database quotes is masked in the command too.
     */
    @Test
    void errorTextsAreDataNotTemplates() throws Exception {
        String password = "Tr0ub4dor'x;touch PWNED_breakout;'";
        Files.writeString(dir.resolve("res.yml"), "Service:\n  Password: \"" + password.replace("\"", "\\\"") + "\"\n");
        Files.writeString(dir.resolve("rows.csv"), "1\n#Service.Password#\n");
        Files.writeString(dir.resolve("create.sql"), "create table nums (i int);");
        Files.writeString(dir.resolve("echo.sql"), "select $$#Service.Password#$$::int;");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"nums\", \"scripts\": {"
                + "\"create\": \"create.sql\", \"load\": {\"copy\": {\"from\": \"rows.csv\", \"table\": \"nums\"}},"
                + " \"echo\": \"echo.sql\"}}],"
                + " \"OnErrorNotification\": \"printf '%s\\\\n' #'error'# >> notified.txt\"}");
        String db = "jdbc:duckdb:" + dir.resolve("t.duckdb");
        assertEquals(0, CliRun.run(dir, "-q", "-r", "res.yml", "--db", db, "a.json", "create").exit());
        CliRun load = CliRun.run(dir, "-q", "-r", "res.yml", "--db", db, "a.json", "load");
        assertEquals(1, load.exit(), load.all());
        CliRun echo = CliRun.run(dir, "-q", "-r", "res.yml", "--db", db, "a.json", "echo");
        assertEquals(1, echo.exit(), echo.all());
        String notified = Files.readString(dir.resolve("notified.txt"));
        assertTrue(notified.contains("#Service.Password#"), notified);
        assertTrue(notified.contains("****"), notified);
        assertFalse(notified.contains("Tr0ub4dor"), notified);
        assertFalse(Files.exists(dir.resolve("PWNED_breakout")), "the quote in the password broke out of the command");
    }

    @Test
    void aDatabaseDownAtStartFailsFastWithTheNotification() throws Exception {
        Files.writeString(dir.resolve("q.sql"), "select 1;");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"q\", \"scripts\": {\"load\": \"q.sql\"}}],"
                + " \"OnErrorNotification\": \"printf '%s' #'error'# > down.txt\"}");
        long start = System.nanoTime();
        CliRun run = CliRun.run(dir, "-q", "--db", "jdbc:postgresql://127.0.0.1:1/test?user=postgres&connectTimeout=5",
                "a.json", "load");
        assertEquals(1, run.exit(), run.all());
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "fails fast");
        assertTrue(Files.readString(dir.resolve("down.txt")).contains("Connection to 127.0.0.1:1 refused"),
                Files.readString(dir.resolve("down.txt")));
    }
}
