package io.dataload.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.cli.CliRun;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A copy loaded as several streams at once on PostgreSQL: records cut only at their ends (quoted
 * line breaks and doubled quotes across the 4 MB blocks), headers dropped in every file, every row
 * once; a bad row in any part leaves the table as it was.
 */
class ParallelCopyIT {
    @TempDir
    Path dir;

    @BeforeEach
    void table() throws Exception {
        LocalServers.postgres("drop table if exists dl_parallel",
                "create table dl_parallel (id integer, note text)");
    }

    @AfterEach
    void drop() throws Exception {
        LocalServers.postgres("drop table if exists dl_parallel");
    }

    /** Rows whose text holds line breaks, delimiters and doubled quotes; {@code bad} puts a non-number id on that row. */
    private void write(Path file, int first, int rows, boolean header, int bad) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            if (header) {
                out.write("id,note\n");
            }
            for (int i = first; i < first + rows; i++) {
                out.write((i == bad ? "x" : String.valueOf(i)) + ",\"row " + i + (i % 3 == 0 ? "\nsecond line, \"\"quoted\"\"" : "")
                        + " padding padding padding padding padding padding\"\n");
            }
        }
    }

    private long[] counts() throws Exception {
        try (Connection connection = LocalServers.require(LocalServers.POSTGRES, "PostgreSQL");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*), count(distinct id), coalesce(sum(id), 0),"
                        + " count(*) filter (where note like '%' || chr(10) || 'second line, \"quoted\"%') from dl_parallel")) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4)};
        }
    }

    @Test
    void everyRowOnceAcrossStreamsAndFilesAndABadRowAnywhereLoadsNothing() throws Exception {
        Files.createDirectories(dir.resolve("in"));
        write(dir.resolve("in/a.csv"), 0, 150_000, true, -1);
        write(dir.resolve("in/b.csv"), 150_000, 50_000, true, -1);
        Files.writeString(dir.resolve("p.json"), "{\"Tables\": [{\"name\": \"p\", \"scripts\": {\"load\": {\"copy\": {"
                + "\"from\": \"in/*.csv\", \"table\": \"dl_parallel\", \"header\": true, \"parallel\": 3}}}}]}");
        CliRun run = CliRun.run(dir, "-v", "--db", LocalServers.POSTGRES, "p.json", "load");
        assertEquals(0, run.exit(), run.all());
        assertTrue(run.all().contains("loading in 3 streams at once"), run.all());
        assertTrue(run.all().contains("done in") && run.all().contains("200000 rows"), run.all());
        long expectedSum = 199_999L * 200_000 / 2;
        long multiLine = 200_000 / 3 + 1;
        long[] counts = counts();
        assertEquals(200_000, counts[0]);
        assertEquals(200_000, counts[1], "each row once");
        assertEquals(expectedSum, counts[2]);
        assertEquals(multiLine, counts[3], "quoted line breaks and doubled quotes kept");

        // a bad row in the last file: nothing of any stream stays
        LocalServers.postgres("truncate dl_parallel");
        write(dir.resolve("in/b.csv"), 150_000, 50_000, true, 190_000);
        CliRun bad = CliRun.run(dir, "-q", "--db", LocalServers.POSTGRES, "p.json", "load");
        assertEquals(1, bad.exit(), bad.all());
        assertTrue(bad.all().contains("invalid input syntax for type integer: \"x\""), bad.all());
        assertEquals(0, counts()[0], "all streams rolled back");
    }
}
