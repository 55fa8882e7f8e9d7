package io.dataload.standin.snowflake;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A result set in Snowflake's JSON result format: the {@code rowtype} of each column and the rows
 * as strings in Snowflake's encodings (numbers as text, dates as days since 1970, timestamps as
 * epoch seconds with nine decimals, booleans as 1/0). The first rows go inline; the rest are written
 * to chunk files the driver downloads, as Snowflake serves them from cloud storage.
 */
final class ResultRows {
    private ResultRows() {
    }

    static ObjectNode reply(Session session, int statementType, ResultSet result) throws SQLException, IOException {
        ObjectNode reply = Replies.success(session, statementType);
        ObjectNode data = (ObjectNode) reply.get("data");
        ResultSetMetaData meta = result.getMetaData();
        int columns = meta.getColumnCount();
        String[] kinds = new String[columns];
        ArrayNode rowtype = data.putArray("rowtype");
        for (int c = 1; c <= columns; c++) {
            kinds[c - 1] = column(rowtype.addObject(), meta, c);
        }
        int perChunk = session.standIn.rowsPerChunk();
        ArrayNode rowset = data.putArray("rowset");
        long total = 0;
        while (total < perChunk && result.next()) {
            ArrayNode row = rowset.addArray();
            for (int c = 1; c <= columns; c++) {
                String value = value(result, c, kinds[c - 1]);
                if (value == null) {
                    row.addNull();
                } else {
                    row.add(value);
                }
            }
            total++;
        }
        if (total == perChunk) {
            ArrayNode chunks = data.putArray("chunks");
            long rows;
            do {
                Path file = session.standIn.scratch();
                rows = writeChunk(result, kinds, perChunk, file);
                if (rows > 0) {
                    long size = Files.size(file);
                    chunks.addObject().put("url", session.standIn.chunkUrl(file)).put("rowCount", rows)
                            .put("uncompressedSize", size).put("compressedSize", size);
                    total += rows;
                } else {
                    Files.deleteIfExists(file);
                }
            } while (rows == perChunk);
            if (chunks.isEmpty()) {
                data.remove("chunks");
            }
        }
        data.put("total", total).put("returned", total);
        return reply;
    }

    /** Writes up to {@code limit} rows as {@code ["a","b"],["c",null]} (no enclosing brackets); returns how many. */
    private static long writeChunk(ResultSet result, String[] kinds, int limit, Path file) throws SQLException, IOException {
        long rows = 0;
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator json = SnowflakeStandIn.JSON.getFactory().createGenerator(out)) {
            json.setRootValueSeparator(null);
            while (rows < limit && result.next()) {
                if (rows > 0) {
                    json.writeRaw(',');
                }
                json.writeStartArray();
                for (int c = 1; c <= kinds.length; c++) {
                    String value = value(result, c, kinds[c - 1]);
                    if (value == null) {
                        json.writeNull();
                    } else {
                        json.writeString(value);
                    }
                }
                json.writeEndArray();
                rows++;
            }
        }
        return rows;
    }

    /** Describes one column in {@code type}; returns its Snowflake type name. */
    private static String column(ObjectNode type, ResultSetMetaData meta, int c) throws SQLException {
        String kind;
        type.put("name", meta.getColumnLabel(c).toUpperCase(Locale.ROOT)).put("database", "").put("schema", "")
                .put("table", "").put("nullable", true);
        switch (meta.getColumnType(c)) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                kind = "fixed";
                type.put("precision", 38).put("scale", 0);
            }
            case Types.DECIMAL, Types.NUMERIC -> {
                kind = "fixed";
                int precision = meta.getPrecision(c);
                type.put("precision", precision <= 0 ? 38 : precision).put("scale", meta.getScale(c));
            }
            case Types.FLOAT, Types.DOUBLE, Types.REAL -> kind = "real";
            case Types.BOOLEAN, Types.BIT -> kind = "boolean";
            case Types.DATE -> kind = "date";
            case Types.TIME -> {
                kind = "time";
                type.put("scale", 9);
            }
            case Types.TIMESTAMP -> {
                kind = "timestamp_ntz";
                type.put("scale", 9);
            }
            case Types.TIMESTAMP_WITH_TIMEZONE -> {
                kind = "timestamp_ltz";
                type.put("scale", 9);
            }
            case Types.BLOB, Types.BINARY, Types.VARBINARY -> {
                kind = "binary";
                type.put("length", 8_388_608).put("byteLength", 8_388_608);
            }
            default -> {
                kind = "text";
                type.put("length", 16_777_216).put("byteLength", 16_777_216);
            }
        }
        type.put("type", kind);
        return kind;
    }

    private static String value(ResultSet result, int c, String kind) throws SQLException {
        Object value = result.getObject(c);
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case "fixed" -> value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
            case "real" -> value.toString();
            case "boolean" -> Boolean.TRUE.equals(value) ? "1" : "0";
            case "date" -> Long.toString(result.getObject(c, LocalDate.class).toEpochDay());
            case "time" -> {
                LocalTime time = result.getObject(c, LocalTime.class);
                yield time.toSecondOfDay() + "." + String.format("%09d", time.getNano());
            }
            case "timestamp_ntz" -> epoch(result.getObject(c, LocalDateTime.class).toInstant(ZoneOffset.UTC));
            case "timestamp_ltz" -> epoch(result.getObject(c, OffsetDateTime.class).toInstant());
            case "binary" -> HexFormat.of().withUpperCase().formatHex(result.getBytes(c));
            default -> value.toString();
        };
    }

    private static String epoch(java.time.Instant instant) {
        // -1.5 s is epoch second -2 plus 500,000,000 ns: Snowflake writes the exact sum
        return new BigDecimal(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9)).toPlainString();
    }
}
