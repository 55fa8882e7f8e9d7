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
 * The fast extract path of PostgreSQL: {@code COPY (query) TO STDOUT}, with each column wrapped so
 * that the server prints it exactly as Python's csv module would (True/False, timestamps with
 * microseconds only when present, Decimal's scientific form for tiny numbers, empty strings as
 * empty fields, the escape character escaped). Used only when the dialect and column types allow a
 * byte-identical result; otherwise the caller reads a result set.
 */
final class PostgresCopyOut {
    private static final Set<String> PLAIN = Set.of("int2", "int4", "int8", "oid", "date", "uuid");
    private static final Set<String> TEXT = Set.of("text", "varchar", "name");

    private PostgresCopyOut() {
    }

    /** The COPY statement for the query, or empty when the fast path cannot give identical bytes. */
    static Optional<String> statement(Connection connection, String query, CsvDialect csv) throws SQLException {
        if (csv.quoting() != CsvDialect.Quoting.MINIMAL || !csv.doubleQuote() || !csv.lineTerminator().equals("\r\n")
                || csv.quoteChar() > 127 || csv.delimiter() > 127) {
            return Optional.empty();
        }
        List<String> columns = new ArrayList<>();
        List<String> inner = new ArrayList<>();
        try (PreparedStatement prepared = connection.prepareStatement(query)) {
            ResultSetMetaData meta = prepared.getMetaData();
            if (meta == null || meta.getColumnCount() < 2) {
                return Optional.empty();
            }
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String type = meta.getColumnTypeName(i);
                String expression = type.equals("bpchar")
                        ? fixedChar("x.c" + i, meta.getPrecision(i), csv)
                        : column("x.c" + i, "x.t" + i, type, csv);
                if (expression == null) {
                    return Optional.empty();
                }
                columns.add(expression);
                inner.add("q.c" + i + (type.equals("timestamp") ? ", q.c" + i + "::text AS t" + i : ""));
            }
        }
        StringBuilder aliases = new StringBuilder();
        for (int i = 1; i <= columns.size(); i++) {
            aliases.append(i == 1 ? "" : ", ").append('c').append(i);
        }
        // the inner select prints each timestamp once; the outer one fixes up the text
        return Optional.of("COPY (SELECT " + String.join(", ", columns) + " FROM (SELECT " + String.join(", ", inner)
                + " FROM (" + query + ") AS q(" + aliases + ")) AS x) TO STDOUT WITH (FORMAT csv, DELIMITER "
                + SqlLiteral.of(csv.delimiter()) + ", QUOTE " + SqlLiteral.of(csv.quoteChar()) + ", NULL '')");
    }

    /** How one column is printed, or null for a type the fast path does not cover. */
    private static String column(String c, String text, String type, CsvDialect csv) {
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
            case "timestamp":
                // PostgreSQL trims the fraction's zeros, Python prints all six digits or none
                return "case when length(" + text + ") = 19 then " + text + " when substr(" + text + ", 20, 1) = '.'"
                        + " then rpad(" + text + ", 26, '0') else to_char(" + c + ", 'YYYY-MM-DD HH24:MI:SS')"
                        + " || case when extract(microseconds from " + c + ")::bigint % 1000000 <> 0 then to_char("
                        + c + ", '.US') else '' end end";
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
    static long run(Connection connection, String copy, CsvDialect csv, OutputStream out)
            throws SQLException, IOException {
        CrlfRecords records = new CrlfRecords(out, (byte) csv.quoteChar());
        long rows = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copy, records);
        records.flush();
        return rows;
    }
}
