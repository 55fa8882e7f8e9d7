package io.dataload.db;

import io.dataload.config.CsvDialect;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The fast extract path of DuckDB: {@code COPY (query) TO} a temporary file, with columns wrapped so that
 * DuckDB prints them as Python's csv module would (True/False, empty strings as empty fields, the escape
 * character escaped), then passed through the stream PostgreSQL's path uses ({@link CopyOutRecords}: the
 * record ends, the timestamps' six fraction digits, QUOTE_ALL's bare fields, the quotes DuckDB adds where
 * Python would not). Only for integer, text, boolean, date and timestamp columns; a date or timestamp Python
 * cannot hold (before year 1, after 9999, infinity) is printed as a mark, and when the file holds one nothing
 * is written and the caller reads a result set instead (an error() would abort the transaction).
 */
final class DuckDbCopyOut {
    private static final Set<String> INTEGERS = Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT",
            "USMALLINT", "UINTEGER", "UBIGINT");
    /** Printed for a date or timestamp Python cannot hold: the caller then reads a result set. */
    private static final String OUT_OF_RANGE = "dataload:out-of-python-range";
    private static final String TIMESTAMP_CHARACTERS = "0123456789-:. ";

    private DuckDbCopyOut() {
    }

    static OptionalLong copyOut(Connection connection, String query, CsvDialect csv, OutputStream out)
            throws SQLException, IOException {
        if (!CopyOutRecords.handles(csv)) {
            return OptionalLong.empty();
        }
        List<String> types = new ArrayList<>();
        try (Statement describe = connection.createStatement();
                ResultSet columns = describe.executeQuery("DESCRIBE " + query)) {
            while (columns.next()) {
                types.add(columns.getString("column_type"));
            }
        } catch (SQLException e) {
            return OptionalLong.empty(); // a statement DESCRIBE does not take: the result set says what is wrong
        }
        Optional<String> select = select(types, csv);
        if (select.isEmpty()) {
            return OptionalLong.empty();
        }
        boolean[] timestamps = new boolean[types.size()];
        boolean[] numbers = new boolean[types.size()];
        StringBuilder aliases = new StringBuilder();
        for (int i = 1; i <= types.size(); i++) {
            timestamps[i - 1] = types.get(i - 1).equals("TIMESTAMP");
            numbers[i - 1] = INTEGERS.contains(types.get(i - 1)) || types.get(i - 1).equals("BOOLEAN");
            aliases.append(i == 1 ? "" : ", ").append('c').append(i);
        }
        Path file = Files.createTempFile("dataload-duckdb-", ".csv");
        try {
            String force = CopyOutRecords.forceQuote(csv, timestamps, numbers);
            long rows;
            try (Statement copy = connection.createStatement()) {
                // one thread: DuckDB's parallel CSV writer keeps out-of-order batches to write them in order, and a
                // 10M-row extract then peaked at 371 MB (one thread: 150 MB, bench/README.md); the setting is the
                // database's, so it is put back at once
                long threads = 0;
                try (ResultSet setting = copy.executeQuery("SELECT current_setting('threads')")) {
                    if (setting.next()) {
                        threads = setting.getLong(1);
                    }
                }
                if (threads > 1) {
                    copy.execute("SET threads = 1");
                }
                try {
                    rows = copy.executeUpdate("COPY (SELECT " + select.get() + " FROM (" + query + ") AS q(" + aliases + ")) TO "
                        + SqlLiteral.of(file.toString()) + " (FORMAT csv, HEADER false, DELIMITER " + SqlLiteral.of(csv.delimiter())
                        + ", QUOTE " + SqlLiteral.of(csv.quoteChar()) + ", ESCAPE " + SqlLiteral.of(csv.quoteChar())
                        + ", NULL ''" + force + ")");
                } finally {
                    if (threads > 1) {
                        copy.execute("SET threads = " + threads);
                    }
                }
            }
            if (select.get().contains(OUT_OF_RANGE) && holds(file, OUT_OF_RANGE.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                return OptionalLong.empty();
            }
            CopyOutRecords records = new CopyOutRecords(out, (byte) csv.quoteChar(), (byte) csv.delimiter(), timestamps,
                    csv.lineTerminator().equals("\n"), CopyOutRecords.quoteBare(csv, timestamps), true);
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(records);
            }
            records.flush();
            return OptionalLong.of(rows);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Whether the file holds these bytes (read a block at a time). */
    private static boolean holds(Path file, byte[] mark) throws IOException {
        byte[] block = new byte[1 << 20];
        int kept = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.readNBytes(block, kept, block.length - kept); n > 0; n = in.readNBytes(block, kept, block.length - kept)) {
                int end = kept + n;
                for (int i = 0; i + mark.length <= end; i++) {
                    if (block[i] == mark[0] && java.util.Arrays.equals(block, i, i + mark.length, mark, 0, mark.length)) {
                        return true;
                    }
                }
                kept = Math.min(mark.length - 1, end);
                System.arraycopy(block, end - kept, block, 0, kept);
            }
        }
        return false;
    }

    /** The select list printing each column as Python would, or empty for a type this path does not cover. */
    private static Optional<String> select(List<String> types, CsvDialect csv) {
        if (types.size() < 2) {
            return Optional.empty(); // a single empty field is written quoted by Python
        }
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= types.size(); i++) {
            String c = "q.c" + i;
            String type = types.get(i - 1);
            String expression;
            if (INTEGERS.contains(type)) {
                expression = c;
            } else if (type.equals("VARCHAR")) {
                expression = "nullif(" + c + ", '')";
                if (csv.escapeChar() != null) {
                    String escape = SqlLiteral.of(csv.escapeChar());
                    expression = "replace(" + expression + ", " + escape + ", " + escape + " || " + escape + ")";
                }
            } else if (type.equals("BOOLEAN")) {
                expression = "CASE WHEN " + c + " THEN 'True' WHEN NOT " + c + " THEN 'False' END";
            } else if (type.equals("DATE")) {
                expression = "CASE WHEN " + c + " BETWEEN DATE '0001-01-01' AND DATE '9999-12-31' THEN " + c
                        + "::VARCHAR WHEN " + c + " IS NOT NULL THEN " + SqlLiteral.of(OUT_OF_RANGE) + " END";
            } else if (type.equals("TIMESTAMP")) {
                if (TIMESTAMP_CHARACTERS.indexOf(csv.delimiter()) >= 0 || TIMESTAMP_CHARACTERS.indexOf(csv.quoteChar()) >= 0) {
                    return Optional.empty(); // DuckDB would quote the timestamp's text
                }
                expression = "CASE WHEN " + c + " BETWEEN TIMESTAMP '0001-01-01 00:00:00' AND TIMESTAMP"
                        + " '9999-12-31 23:59:59.999999' THEN " + c + "::VARCHAR WHEN " + c + " IS NOT NULL THEN "
                        + SqlLiteral.of(OUT_OF_RANGE) + " END";
            } else {
                return Optional.empty();
            }
            columns.add(expression + " AS c" + i);
        }
        return Optional.of(String.join(", ", columns));
    }
}
