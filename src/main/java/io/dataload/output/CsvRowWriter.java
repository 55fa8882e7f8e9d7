package io.dataload.output;

import io.dataload.config.CsvDialect;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** CSV rows exactly as Python's csv module writes them ({@link PythonCsvWriter}), UTF-8. */
final class CsvRowWriter implements RowWriter {
    private static final int BUFFER = 1 << 16;

    private final BufferedWriter out;
    private final PythonCsvWriter writer;
    private final Object[] row;
    private final boolean[] decimal;
    /** Read as LocalDateTime: a driver's java.sql.Timestamp goes through the calendar of the JVM's zone twice. */
    private final boolean[] localDateTime;
    private long rows;

    /** Writes to {@code file}, which {@link #close()} closes. */
    CsvRowWriter(OutputStream file, CsvDialect csv, Columns columns) {
        this.out = new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8), BUFFER);
        this.writer = new PythonCsvWriter(out, csv);
        this.row = new Object[columns.count()];
        this.decimal = new boolean[columns.count()];
        this.localDateTime = new boolean[columns.count()];
        for (int c = 0; c < columns.count(); c++) {
            decimal[c] = columns.types()[c] == Types.NUMERIC || columns.types()[c] == Types.DECIMAL;
            localDateTime[c] = columns.types()[c] == Types.TIMESTAMP;
        }
    }

    @Override
    public void write(ResultSet result) throws SQLException, IOException {
        for (int c = 0; c < row.length; c++) {
            Object value = localDateTime[c] ? localDateTime(result, c) : result.getObject(c + 1);
            // a driver that hands a decimal NaN over as a double: Python's Decimal prints NaN
            row[c] = decimal[c] && value instanceof Double d && d.isNaN() ? DecimalNaN.VALUE : value;
        }
        writer.writeRow(row);
        rows++;
    }

    /**
     * The timestamp as the driver's LocalDateTime, or its usual object when it has none (from then on) and for
     * a year Python cannot hold (before 1, after 9999, infinity), which keeps being printed as it always was.
     */
    private Object localDateTime(ResultSet result, int c) throws SQLException {
        java.time.LocalDateTime value;
        try {
            value = result.getObject(c + 1, java.time.LocalDateTime.class);
        } catch (SQLException | RuntimeException e) {
            localDateTime[c] = false;
            return result.getObject(c + 1);
        }
        return value == null || (value.getYear() >= 1 && value.getYear() <= 9999) ? value : result.getObject(c + 1);
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
