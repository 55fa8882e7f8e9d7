package io.dataload.output;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/**
 * An Avro object container file (Apache Avro's own writer), its schema derived from the result
 * set: integers as {@code int}/{@code long}, decimals as the {@code decimal} logical type with their
 * precision and scale (a numeric without them as a string, its digits kept), floats and doubles,
 * booleans, dates as {@code date}, timestamps as {@code timestamp-micros} (a timestamp without a time
 * zone is taken as UTC), times as {@code time-micros}, binary as {@code bytes}, the rest as strings; a
 * nullable column is a union with {@code null}, null first. Column names that are not Avro names
 * ({@code count(*)}) become one ({@code count___}); the SQL name is kept in the field's {@code sql_name}.
 */
final class AvroRowWriter implements RowWriter {
    private final OutputStream file;
    private final DataFileWriter<GenericRecord> writer;
    private final GenericData.Record record;
    private final Columns columns;
    private final int[] kinds;
    private long rows;

    private static final int INT = 0;
    private static final int LONG = 1;
    private static final int DECIMAL = 2;
    private static final int FLOAT = 3;
    private static final int DOUBLE = 4;
    private static final int BOOLEAN = 5;
    private static final int DATE = 6;
    private static final int TIMESTAMP = 7;
    private static final int TIMESTAMP_TZ = 8;
    private static final int TIME = 9;
    private static final int BYTES = 10;
    private static final int STRING = 11;

    /** Writes to {@code file}, which {@link #close()} closes. */
    AvroRowWriter(OutputStream file, Columns columns, String codec) throws IOException {
        this.file = file;
        this.columns = columns;
        this.kinds = new int[columns.count()];
        Schema schema = schema(columns, kinds);
        this.writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema));
        writer.setCodec(codec(codec));
        writer.create(schema, file);
        this.record = new GenericData.Record(schema);
    }

    static CodecFactory codec(String codec) {
        return switch (codec) {
            case "snappy" -> CodecFactory.snappyCodec();
            case "zstd" -> CodecFactory.zstandardCodec(3);
            case "deflate" -> CodecFactory.deflateCodec(6);
            default -> CodecFactory.nullCodec();
        };
    }

    static Schema schema(Columns columns, int[] kinds) {
        List<Schema.Field> fields = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (int c = 0; c < columns.count(); c++) {
            Schema type = type(columns, c, kinds);
            String sqlName = columns.names().get(c);
            String name = avroName(sqlName, taken);
            Schema.Field field = columns.nullable()[c]
                    ? new Schema.Field(name, Schema.createUnion(Schema.create(Schema.Type.NULL), type), null,
                            JsonProperties.NULL_VALUE)
                    : new Schema.Field(name, type);
            if (!name.equals(sqlName)) {
                field.addProp("sql_name", sqlName);
            }
            fields.add(field);
        }
        return Schema.createRecord("row", "A row of a DataLoad extract", "io.dataload", false, fields);
    }

    private static Schema type(Columns columns, int c, int[] kinds) {
        switch (columns.types()[c]) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> {
                kinds[c] = INT;
                return Schema.create(Schema.Type.INT);
            }
            case Types.BIGINT -> {
                kinds[c] = LONG;
                return Schema.create(Schema.Type.LONG);
            }
            case Types.NUMERIC, Types.DECIMAL -> {
                if (columns.boundedDecimal(c)) {
                    kinds[c] = DECIMAL;
                    return LogicalTypes.decimal(columns.precisions()[c], columns.scales()[c])
                            .addToSchema(Schema.create(Schema.Type.BYTES));
                }
                kinds[c] = STRING;
                return Schema.create(Schema.Type.STRING);
            }
            case Types.REAL -> {
                kinds[c] = FLOAT;
                return Schema.create(Schema.Type.FLOAT);
            }
            case Types.FLOAT, Types.DOUBLE -> {
                kinds[c] = DOUBLE;
                return Schema.create(Schema.Type.DOUBLE);
            }
            case Types.BOOLEAN, Types.BIT -> {
                kinds[c] = BOOLEAN;
                return Schema.create(Schema.Type.BOOLEAN);
            }
            case Types.DATE -> {
                kinds[c] = DATE;
                return LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
            }
            case Types.TIMESTAMP -> {
                kinds[c] = TIMESTAMP;
                return LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
            }
            case Types.TIMESTAMP_WITH_TIMEZONE -> {
                kinds[c] = TIMESTAMP_TZ;
                return LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
            }
            case Types.TIME -> {
                kinds[c] = TIME;
                return LogicalTypes.timeMicros().addToSchema(Schema.create(Schema.Type.LONG));
            }
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                kinds[c] = BYTES;
                return Schema.create(Schema.Type.BYTES);
            }
            default -> {
                kinds[c] = STRING;
                return Schema.create(Schema.Type.STRING);
            }
        }
    }

    /** An Avro name for a column: letters, digits and underscores, not starting with a digit, unique. */
    static String avroName(String sqlName, Set<String> taken) {
        StringBuilder name = new StringBuilder();
        for (char ch : sqlName.toCharArray()) {
            name.append(ch < 128 && (Character.isLetterOrDigit(ch) || ch == '_') ? ch : '_');
        }
        if (name.length() == 0 || Character.isDigit(name.charAt(0))) {
            name.insert(0, '_');
        }
        String candidate = name.toString();
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = name + "_" + n;
        }
        return candidate;
    }

    @Override
    public void write(ResultSet result) throws SQLException, IOException {
        for (int c = 0; c < kinds.length; c++) {
            record.put(c, value(result, c));
        }
        writer.append(record);
        rows++;
    }

    private Object value(ResultSet row, int c) throws SQLException, IOException {
        int column = c + 1;
        switch (kinds[c]) {
            case INT -> {
                int value = row.getInt(column);
                return row.wasNull() ? null : value;
            }
            case LONG -> {
                long value = row.getLong(column);
                return row.wasNull() ? null : value;
            }
            case DECIMAL -> {
                BigDecimal value = row.getBigDecimal(column);
                if (value == null) {
                    return null;
                }
                try {
                    BigDecimal scaled = value.setScale(columns.scales()[c], RoundingMode.UNNECESSARY);
                    if (scaled.precision() > columns.precisions()[c] && scaled.signum() != 0) {
                        throw new ArithmeticException("more digits than the column's precision");
                    }
                    return ByteBuffer.wrap(scaled.unscaledValue().toByteArray());
                } catch (ArithmeticException e) {
                    throw new IOException("column " + columns.names().get(c) + ": " + value.toPlainString()
                            + " does not fit decimal(" + columns.precisions()[c] + ", " + columns.scales()[c] + ")");
                }
            }
            case FLOAT -> {
                float value = row.getFloat(column);
                return row.wasNull() ? null : value;
            }
            case DOUBLE -> {
                double value = row.getDouble(column);
                return row.wasNull() ? null : value;
            }
            case BOOLEAN -> {
                boolean value = row.getBoolean(column);
                return row.wasNull() ? null : value;
            }
            case DATE -> {
                java.sql.Date value = row.getDate(column);
                return value == null ? null : (int) value.toLocalDate().toEpochDay();
            }
            case TIMESTAMP -> {
                Timestamp value = row.getTimestamp(column);
                return value == null ? null : micros(value.toLocalDateTime());
            }
            case TIMESTAMP_TZ -> {
                OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
                return value == null ? null : micros(value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
            }
            case TIME -> {
                java.time.LocalTime value;
                try {
                    value = row.getObject(column, java.time.LocalTime.class);
                } catch (SQLException e) {
                    // a driver without java.time for times: milliseconds are what it has
                    Time time = row.getTime(column);
                    value = time == null ? null : time.toLocalTime();
                }
                return value == null ? null : value.toNanoOfDay() / 1000;
            }
            case BYTES -> {
                byte[] value = row.getBytes(column);
                return value == null ? null : ByteBuffer.wrap(value);
            }
            default -> {
                return row.getString(column);
            }
        }
    }

    static long micros(LocalDateTime time) {
        return Math.addExact(Math.multiplyExact(time.toEpochSecond(ZoneOffset.UTC), 1_000_000L), time.getNano() / 1000);
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        try (file) {
            writer.close();
        }
    }
}
