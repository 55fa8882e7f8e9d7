package io.dataload.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB's fast extract (COPY TO a temporary file, reshaped by the stream PostgreSQL's path uses) writes
 * exactly the bytes of the result-set path, which follows Python's csv module, for awkward values of the
 * types it covers; a value Python cannot hold sends the extract to the result set, before anything is written.
 */
class DuckDbExtractIT {
    private static final String NATIVE = "dataload.extract.native";

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:duckdb:" + dir.resolve("x.duckdb");
    }

    @BeforeEach
    void table() throws Exception {
        try (Connection connection = DriverManager.getConnection(url()); Statement statement = connection.createStatement()) {
            statement.execute("create table dl_extract_it (id bigint, small smallint, name varchar, code varchar,"
                    + " flag boolean, day date, ts timestamp, n integer)");
            statement.execute("insert into dl_extract_it values"
                    + " (1, 1, 'plain', 'a', true, '2024-01-31', '2024-01-31 10:00:00', 1),"
                    + " (2, -2, 'comma, \"quoted\"', '', false, null, '2024-02-01 00:00:00.25', null),"
                    + " (3, null, E'back\\\\slash\\nnew line', null, null, '1999-12-31', '2024-02-01 00:00:00.000001', 3),"
                    + " (4, 0, E'cr\\rhere', 'tab\tx', true, '2024-02-29', '2024-02-29 23:59:59.999999', -4),"
                    + " (5, 5, '', 'x\\\\', false, null, null, 5),"
                    + " (6, 6, E'two\\nlines, \"and, quotes\"', 'q\"', true, '2024-03-01', '2024-03-01 00:00:00.1', 6),"
                    + " (7, 7, '\"', '\"\"', true, '2024-03-01', '2024-03-01 12:34:56.12345', 7),"
                    + " (8, 8, ' lead', '#hash', true, '0001-01-01', '0001-01-01 00:00:00.5', 8),"
                    + " (9, 9, 'ünï©ødé', 'trail ', true, '9999-12-31', '9999-12-31 23:59:59.99999', 9)");
        }
        Files.writeString(dir.resolve("q.sql"), "select * from dl_extract_it order by id");
    }

    @AfterEach
    void clear() {
        System.clearProperty(NATIVE);
    }

    private String extract(String options, boolean fast) throws IOException {
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"t\", \"scripts\": {"
                + "\"extract\": {\"file\": \"q.sql\", \"tofile\": \"out.csv\"" + options + "}}}]}");
        System.setProperty(NATIVE, String.valueOf(fast));
        CliRun run = CliRun.run(dir, "-q", "--db", url(), "a.json", "extract");
        assertEquals(0, run.exit(), run.all());
        return Files.readString(dir.resolve("out.csv"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "",
        ", \"lineterminator\": \"\\n\"",
        ", \"delimiter\": \"\\t\"",
        ", \"delimiter\": \";\", \"quotechar\": \"'\", \"lineterminator\": \"\\n\"",
        ", \"escapechar\": \"\\\\\"",
        ", \"quoting\": \"QUOTE_ALL\"",
        ", \"quoting\": \"QUOTE_ALL\", \"lineterminator\": \"\\n\", \"delimiter\": \"|\"",
        ", \"quoting\": \"QUOTE_NONNUMERIC\"",
        ", \"quoting\": \"QUOTE_NONNUMERIC\", \"lineterminator\": \"\\n\", \"escapechar\": \"\\\\\"",
    })
    void theFastPathWritesTheResultSetPathsBytes(String options) throws Exception {
        String slow = extract(options, false);
        String fast = extract(options, true);
        assertEquals(slow, fast, options);
        assertTrue(CliRun.latestLog(dir).contains("rows written by the database's own export"), "the fast path was taken: " + options);
    }

    @Test
    void aTimestampPythonCannotHoldSendsTheExtractToTheResultSet() throws Exception {
        try (Connection connection = DriverManager.getConnection(url()); Statement statement = connection.createStatement()) {
            statement.execute("insert into dl_extract_it values (10, 10, 'far', 'x', true, '2024-03-01', '12000-01-01 00:00:00', 10)");
        }
        String slow = extract("", false);
        String fast = extract("", true);
        assertEquals(slow, fast);
        assertTrue(!CliRun.latestLog(dir).contains("rows written by the database's own export"), "the result set was read");
        assertTrue(fast.startsWith("1,1,plain,a,True,2024-01-31,2024-01-31 10:00:00,1\r\n"), fast);
    }
}
