package io.dataload.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.cli.CliRun;
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
 * PostgreSQL's fast extract (COPY TO STDOUT with server-side formatting) writes exactly the bytes
 * of the result-set path, which follows Python's csv module, for awkward values of every type.
 */
class PostgresExtractIT {
    private static final String NATIVE = "dataload.extract.native";

    @TempDir
    Path dir;

    @BeforeEach
    void table() throws Exception {
        LocalServers.postgres("drop table if exists dl_extract_it",
                "create table dl_extract_it (id int8, small int2, amount numeric(20,9), plain numeric,"
                        + " name text, code varchar(10), fixed char(4), flag boolean, day date, at timestamp, u uuid)",
                "insert into dl_extract_it values"
                        + " (1, 1, 1.5, 100, 'plain', 'a', 'ab', true, '2024-01-31', '2024-01-31 10:00:00', null),"
                        + " (2, -2, 0.000000100, 0.00000001, 'comma, \"quoted\"', '', 'x', false, null, '2024-02-01 00:00:00.25', '6f1c3f8e-1d2b-4c3a-9e8f-0123456789ab'),"
                        + " (3, null, 0, 0.000000000, E'back\\\\slash\\nnew line', null, null, null, '1999-12-31', '2024-02-01 00:00:00.000001', null),"
                        + " (4, 0, -123456789.123456789, -0.0000001200, E'cr\\rhere', 'tab\tx', 'end ', true, '2024-02-29', '2024-02-29 23:59:59.999999', null),"
                        + " (5, 5, null, 'NaN', '', 'x\\\\', null, false, null, null, null),"
                        + " (6, 6, 1, 1, E'two\\nlines, \"and, quotes\"', 'q\"', 'a\"', true, '2024-03-01', '2024-03-01 00:00:00.1', null),"
                        + " (7, 7, 1, 1, '\"', '\"\"', 'x', true, '2024-03-01', '2024-03-01 12:34:56.12345', null),"
                        + " (8, 8, 1, 1, 'a', 'b', 'c', true, '2024-03-01', '2024-03-01 12:34:56.10', null),"
                        + " (9, 9, 1, 1, 'a', 'b', 'c', true, '0001-01-01', '0001-01-01 00:00:00.5', null),"
                        + " (10, 10, 1, 1, 'a', 'b', 'c', true, '9999-12-31', '9999-12-31 23:59:59.99999', null),"
                        + " (11, 11, 1, 1, 'a', 'b', 'c', true, '2024-03-01', '2024-03-01 00:00:00.000010', null)");
        Files.writeString(dir.resolve("q.sql"), "select * from dl_extract_it order by id");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"t\", \"scripts\": {"
                + "\"extract\": {\"file\": \"q.sql\", \"tofile\": \"out.csv\"}}}]}");
    }

    @AfterEach
    void drop() throws Exception {
        System.clearProperty(NATIVE);
        try (Connection connection = DriverManager.getConnection(LocalServers.POSTGRES);
                Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists dl_extract_it");
        }
    }

    @Test
    void theFastPathWritesTheSameBytesAsTheResultSetPath() throws Exception {
        System.setProperty(NATIVE, "false");
        assertEquals(0, CliRun.run(dir, "-q", "--db", LocalServers.POSTGRES, "a.json", "extract").exit());
        String slow = Files.readString(dir.resolve("out.csv"));
        System.setProperty(NATIVE, "true");
        CliRun fast = CliRun.run(dir, "-q", "--db", LocalServers.POSTGRES, "a.json", "extract");
        assertEquals(0, fast.exit(), fast.all());
        assertEquals(slow, Files.readString(dir.resolve("out.csv")));
        assertTrue(CliRun.latestLog(dir).contains("rows written by the database's own export"), "the fast path was taken");
        assertEquals("1,1,1.500000000,100,plain,a,ab  ,True,2024-01-31,2024-01-31 10:00:00,\r\n", slow.lines()
                .findFirst().orElseThrow() + "\r\n");
        assertTrue(slow.contains(",2024-03-01 00:00:00.100000,\r\n7,"), slow);
        assertTrue(slow.contains(",2024-03-01 12:34:56.123450,\r\n8,"), slow);
        assertTrue(slow.contains(",0001-01-01 00:00:00.500000,\r\n10,"), slow);
    }

    /**
     * Every option combination writes the result-set path's bytes; the everyday ones (LF line ends,
     * tab or semicolon delimiters, another quote character, an escape character, QUOTE_ALL, QUOTE_NONNUMERIC) on the fast path.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "'\"lineterminator\": \"\\n\"'|true",
        "'\"delimiter\": \"\\t\"'|true",
        "'\"delimiter\": \";\", \"lineterminator\": \"\\n\"'|true",
        "'\"quotechar\": \"\\u0027\", \"lineterminator\": \"\\n\"'|true",
        "'\"escapechar\": \"\\\\\", \"lineterminator\": \"\\n\"'|true",
        "'\"quoting\": \"QUOTE_ALL\"'|true",
        "'\"quoting\": \"QUOTE_ALL\", \"lineterminator\": \"\\n\"'|true",
        "'\"quoting\": \"QUOTE_ALL\", \"delimiter\": \"\\t\", \"escapechar\": \"\\\\\"'|true",
        "'\"quoting\": \"QUOTE_NONNUMERIC\", \"lineterminator\": \"\\n\"'|true",
        "'\"quoting\": \"QUOTE_NONNUMERIC\", \"delimiter\": \";\"'|true",
        "'\"quoting\": \"QUOTE_NONE\", \"escapechar\": \"\\\\\"'|false",
        "'\"doublequote\": false, \"escapechar\": \"\\\\\"'|false",
        "'\"lineterminator\": \"\\r\"'|false",
    })
    void everyOptionCombinationWritesTheResultSetPathsBytes(String options, boolean native_) throws Exception {
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"t\", \"scripts\": {"
                + "\"extract\": {\"file\": \"q.sql\", \"tofile\": \"out.csv\", " + options + "}}}]}");
        System.setProperty(NATIVE, "false");
        CliRun slowRun = CliRun.run(dir, "-q", "--db", LocalServers.POSTGRES, "a.json", "extract");
        assertEquals(0, slowRun.exit(), slowRun.all());
        byte[] slow = Files.readAllBytes(dir.resolve("out.csv"));
        System.setProperty(NATIVE, "true");
        CliRun fast = CliRun.run(dir, "-q", "--db", LocalServers.POSTGRES, "a.json", "extract");
        assertEquals(0, fast.exit(), fast.all());
        assertEquals(new String(slow, java.nio.charset.StandardCharsets.UTF_8), Files.readString(dir.resolve("out.csv")), options);
        assertEquals(native_, CliRun.latestLog(dir).contains("rows written by the database's own export"), options);
    }

    /** Timestamps Python cannot hold (BC, years past 9999, infinity) as the fast path prints them. */
    @Test
    void timestampsOutsidePythonsRange() throws Exception {
        try (Connection connection = DriverManager.getConnection(LocalServers.POSTGRES);
                Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists dl_extract_it_far (id int, at timestamp)");
            statement.execute("truncate dl_extract_it_far");
            statement.execute("insert into dl_extract_it_far values (1, '0044-03-15 12:00:00.5 BC'),"
                    + " (2, '10000-01-01 00:00:00.25'), (3, 'infinity'), (4, '-infinity'), (5, '0044-03-15 12:00:00 BC')");
        }
        try {
            Files.writeString(dir.resolve("q.sql"), "select * from dl_extract_it_far order by id");
            CliRun fast = CliRun.run(dir, "-q", "--db", LocalServers.POSTGRES, "a.json", "extract");
            assertEquals(0, fast.exit(), fast.all());
            assertEquals("1,0044-03-15 12:00:00.500000\r\n2,10000-01-01 00:00:00.250000\r\n3,\r\n4,\r\n"
                    + "5,0044-03-15 12:00:00\r\n", Files.readString(dir.resolve("out.csv")));
        } finally {
            try (Connection connection = DriverManager.getConnection(LocalServers.POSTGRES);
                    Statement statement = connection.createStatement()) {
                statement.execute("drop table if exists dl_extract_it_far");
            }
        }
    }
}
