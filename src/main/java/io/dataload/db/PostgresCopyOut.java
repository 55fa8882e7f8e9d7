package io.dataload.db;

import io.dataload.config.CsvDialect;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.postgresql.PGConnection;

/**
 * The fast extract path of PostgreSQL: {@code COPY (query) TO STDOUT}, with columns wrapped so that
 * the server prints them exactly as Python's csv module would (True/False, Decimal's scientific form
 * for tiny numbers, empty strings as empty fields, the escape character escaped); timestamps are
 * fixed up in the stream ({@link CopyOutRecords}), and so are the record ends (Python's CRLF or LF).
 * Quoting MINIMAL (Python's default) or ALL ({@code FORCE_QUOTE}, the rest quoted in the stream).
 * Used only when the dialect and column types allow
 * a byte-identical result; otherwise the caller reads a result set.
 */
final class PostgresCopyOut {
    private static final Set<String> PLAIN = Set.of("int2", "int4", "int8", "oid", "date", "uuid");
    private static final Set<String> TEXT = Set.of("text", "varchar", "name");
    /** Numbers to Python (booleans too): QUOTE_NONNUMERIC leaves them bare. */
    private static final Set<String> NUMBERS = Set.of("int2", "int4", "int8", "oid", "numeric", "bool");

    private PostgresCopyOut() {
    }

    /** The characters of a timestamp's text: with such a delimiter or quote the server would quote it. */
    private static final String TIMESTAMP_CHARACTERS = "0123456789-:. BCinfty";

    /** A COPY statement and its timestamp columns, whose text the stream fixes up ({@link CopyOutRecords}). */
    record Copy(String sql, boolean[] timestamps, boolean[] quoteBare) {
    }

    /** The COPY statement for the query, or empty when the fast path cannot give identical bytes. */
    static Optional<Copy> statement(Connection connection, String query, CsvDialect csv) throws SQLException {
        if (!CopyOutRecords.handles(csv)) {
            return Optional.empty();
        }
        List<String> columns = new ArrayList<>();
        boolean[] timestamps;
        boolean[] numbers;
        try (PreparedStatement prepared = connection.prepareStatement(query)) {
            ResultSetMetaData meta = prepared.getMetaData();
            if (meta == null || meta.getColumnCount() < 2) {
                return Optional.empty();
            }
            timestamps = new boolean[meta.getColumnCount()];
            numbers = new boolean[meta.getColumnCount()];
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String type = meta.getColumnTypeName(i);
                numbers[i - 1] = NUMBERS.contains(type);
                String expression;
                if (type.equals("bpchar")) {
                    expression = fixedChar("q.c" + i, meta.getPrecision(i), csv);
                } else if (type.equals("timestamp")) {
                    expression = timestamp("q.c" + i, csv);
                    timestamps[i - 1] = true;
                } else {
                    expression = column("q.c" + i, type, csv);
                }
                if (expression == null) {
                    return Optional.empty();
                }
                columns.add(expression);
            }
        }
        StringBuilder aliases = new StringBuilder();
        StringBuilder selected = new StringBuilder();
        for (int i = 1; i <= columns.size(); i++) {
            aliases.append(i == 1 ? "" : ", ").append('c').append(i);
            selected.append(i == 1 ? "" : ", ").append(columns.get(i - 1)).append(" AS c").append(i);
        }
        // QUOTE_ALL, QUOTE_NONNUMERIC: the server quotes the values Python quotes but the timestamps, whose text
        // the stream fixes up and quotes, as it quotes NULL's empty field (Python writes None as "")
        return Optional.of(new Copy("COPY (SELECT " + selected + " FROM (" + query + ") AS q("
                + aliases + ")) TO STDOUT WITH (FORMAT csv, DELIMITER " + SqlLiteral.of(csv.delimiter())
                + ", QUOTE " + SqlLiteral.of(csv.quoteChar()) + ", NULL ''" + CopyOutRecords.forceQuote(csv, timestamps, numbers) + ")",
                timestamps, CopyOutRecords.quoteBare(csv, timestamps)));
    }

    /**
     * A timestamp as the server prints it, which {@link CopyOutRecords} turns into Python's text; null
     * when the delimiter or quote could occur in the text (the server would then quote it).
     */
    private static String timestamp(String c, CsvDialect csv) {
        if (TIMESTAMP_CHARACTERS.indexOf(csv.delimiter()) >= 0 || TIMESTAMP_CHARACTERS.indexOf(csv.quoteChar()) >= 0) {
            return null;
        }
        return c;
    }

    /** How one column is printed, or null for a type the fast path does not cover. */
    private static String column(String c, String type, CsvDialect csv) {
        if (PLAIN.contains(type)) {
            return c;
        }
        if (TEXT.contains(type)) {
            String value = "nullif(" + c + "::text, '')";
            if (csv.escapeChar() != null) {
                String escape = SqlLiteral.of(csv.escapeChar());
                value = "replace(" + value + ", " + escape + ", " + escape + " || " + escape + ")";
            }
            return value;
        }
        switch (type) {
            case "bool":
                return "case when " + c + " then 'True' when not " + c + " then 'False' end";
            case "numeric":
                return decimal(c);
            default:
                return null;
        }
    }

    /**
     * {@code char(n)}: printed padded, as Python receives it (a cast to text would trim the
     * padding); never empty, so never quoted for being empty.
     */
    private static String fixedChar(String c, int length, CsvDialect csv) {
        if (length <= 0 || length > 10_000) {
            return null;
        }
        String value = "rpad(" + c + "::text, " + length + ")";
        if (csv.escapeChar() != null) {
            String escape = SqlLiteral.of(csv.escapeChar());
            value = "replace(" + value + ", " + escape + ", " + escape + " || " + escape + ")";
        }
        return value;
    }

    /** Python's str(Decimal): plain, except scientific when the adjusted exponent is below -6. */
    private static String decimal(String c) {
        String digits = "coalesce(nullif(ltrim(replace(replace(" + c + "::text, '-', ''), '.', ''), '0'), ''), '0')";
        String adjusted = "(length(" + digits + ") - 1 - scale(" + c + "))";
        return "case when scale(" + c + ") is null or " + adjusted + " >= -6 then " + c + "::text else "
                + "case when " + c + " < 0 then '-' else '' end || left(" + digits + ", 1)"
                + " || case when length(" + digits + ") > 1 then '.' || substr(" + digits + ", 2) else '' end"
                + " || 'E' || " + adjusted + "::text end";
    }

    /** Runs the COPY and writes its rows, with CRLF record ends, to {@code out}; returns the rows. */
    static long run(Connection connection, Copy copy, CsvDialect csv, OutputStream out)
            throws SQLException, IOException {
        CopyOutRecords records = new CopyOutRecords(out, (byte) csv.quoteChar(), (byte) csv.delimiter(), copy.timestamps(),
                csv.lineTerminator().equals("\n"), copy.quoteBare(), false);
        long rows = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copy.sql(), records);
        records.flush();
        return rows;
    }
}
