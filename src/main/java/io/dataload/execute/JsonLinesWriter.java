package io.dataload.execute;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
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
final class JsonLinesWriter {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    /** Each row written is passed to {@code rows} too (null: nobody wants them). */
    interface RowListener {
        void row(ResultSet row) throws SQLException;
    }

    private JsonLinesWriter() {
    }

    static long write(ResultSet result, OutputStream file, RowListener listener) throws SQLException, IOException {
        ResultSetMetaData meta = result.getMetaData();
        int columns = meta.getColumnCount();
        String[] names = new String[columns];
        int[] types = new int[columns];
        for (int c = 0; c < columns; c++) {
            names[c] = meta.getColumnLabel(c + 1);
            types[c] = meta.getColumnType(c + 1);
        }
        long rows = 0;
        try (JsonGenerator out = new JsonFactory().createGenerator(file)) {
            out.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            out.setRootValueSeparator(null);
            while (result.next()) {
                out.writeStartObject();
                for (int c = 0; c < columns; c++) {
                    out.writeFieldName(names[c]);
                    value(out, result, c + 1, types[c]);
                }
                out.writeEndObject();
                out.writeRaw('\n');
                if (listener != null) {
                    listener.row(result);
                }
                rows++;
            }
        }
        return rows;
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
