package io.dataload.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * JSON lines: one object a row, keys the column names, numbers as numbers (decimals exact),
 * booleans as booleans, timestamps ISO-8601 with their full microseconds, dates as dates, NULL as
 * null. Streamed row by row through Jackson's generator.
 */
final class JsonLinesWriter implements RowWriter {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    private final JsonGenerator out;
    private final OutputStream file;
    private final Columns columns;
    private long rows;

    /** Writes to {@code file}, which {@link #close()} closes. */
    JsonLinesWriter(OutputStream file, Columns columns) throws IOException {
        this.file = file;
        this.columns = columns;
        this.out = new JsonFactory().createGenerator(file);
        out.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        out.setRootValueSeparator(null);
    }

    @Override
    public void write(ResultSet result) throws SQLException, IOException {
        out.writeStartObject();
        for (int c = 0; c < columns.count(); c++) {
            out.writeFieldName(columns.names().get(c));
            value(out, result, c + 1, columns.types()[c]);
        }
        out.writeEndObject();
        out.writeRaw('\n');
        rows++;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        try (file) {
            out.close();
        }
    }

    private static void value(JsonGenerator out, ResultSet row, int column, int type) throws SQLException, IOException {
        switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                long value = row.getLong(column);
                if (row.wasNull()) {
                    out.writeNull();
                } else {
                    out.writeNumber(value);
                }
            }
            case Types.NUMERIC, Types.DECIMAL -> {
                BigDecimal value = row.getBigDecimal(column);
                if (value == null) {
                    out.writeNull();
                } else {
                    out.writeNumber(value);
                }
            }
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
                double value = row.getDouble(column);
                if (row.wasNull()) {
                    out.writeNull();
                } else if (Double.isNaN(value) || Double.isInfinite(value)) {
                    out.writeString(Double.toString(value)); // JSON has no NaN or Infinity
                } else {
                    out.writeNumber(value);
                }
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean value = row.getBoolean(column);
                if (row.wasNull()) {
                    out.writeNull();
                } else {
                    out.writeBoolean(value);
                }
            }
            case Types.TIMESTAMP -> {
                Timestamp value = row.getTimestamp(column);
                if (value == null) {
                    out.writeNull();
                } else {
                    out.writeString(LOCAL.format(value.toLocalDateTime()));
                }
            }
            case Types.TIMESTAMP_WITH_TIMEZONE -> {
                OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
                if (value == null) {
                    out.writeNull();
                } else {
                    out.writeString(OFFSET.format(value));
                }
            }
            case Types.DATE -> {
                java.sql.Date value = row.getDate(column);
                if (value == null) {
                    out.writeNull();
                } else {
                    out.writeString(value.toLocalDate().toString());
                }
            }
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] value = row.getBytes(column);
                if (value == null) {
                    out.writeNull();
                } else {
                    out.writeString(Base64.getEncoder().encodeToString(value));
                }
            }
            default -> {
                String value = row.getString(column);
                if (value == null) {
                    out.writeNull();
                } else {
                    out.writeString(value);
                }
            }
        }
    }
}
