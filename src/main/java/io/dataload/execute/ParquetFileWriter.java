package io.dataload.execute;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Parquet through DuckDB's own writer (DuckDB is already the embedded engine; its Parquet output is
 * read by DuckDB, Spark and pyarrow alike): the rows stream into a table of a scratch DuckDB database
 * on disk (so memory stays bounded; DuckDB spills past its memory limit) with the source's column
 * types — integers, decimals with their precision and scale, booleans, dates, timestamps in
 * microseconds, strings — then {@code COPY ... (FORMAT PARQUET)} writes the file.
 */
final class ParquetFileWriter {
    private ParquetFileWriter() {
    }

    static long write(ResultSet result, Path file, JsonLinesWriter.RowListener listener) throws SQLException, IOException {
        ResultSetMetaData meta = result.getMetaData();
        int columns = meta.getColumnCount();
        int[] types = new int[columns];
        List<String> definitions = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            types[c] = meta.getColumnType(c + 1);
            definitions.add(quote(meta.getColumnLabel(c + 1)) + " " + duckType(types[c], meta.getPrecision(c + 1),
                    meta.getScale(c + 1)));
        }
        Path scratch = Files.createTempFile(file.toAbsolutePath().getParent(), ".parquet-", ".duckdb");
        Files.delete(scratch); // DuckDB creates its own file there
        long rows = 0;
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + scratch)) {
            try (Statement statement = duck.createStatement()) {
                statement.execute("set memory_limit = '64MB'");
                statement.execute("set threads = 1");
                statement.execute("set preserve_insertion_order = true");
                statement.execute("create table extracted (" + String.join(", ", definitions) + ")");
            }
            try (DuckDBAppender appender = duck.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA,
                    "extracted")) {
                while (result.next()) {
                    appender.beginRow();
                    for (int c = 0; c < columns; c++) {
                        append(appender, result, c + 1, types[c]);
                    }
                    appender.endRow();
                    if (listener != null) {
                        listener.row(result);
                    }
                    rows++;
                }
            }
            try (Statement statement = duck.createStatement()) {
                statement.execute("copy extracted to '" + file.toAbsolutePath().toString().replace("'", "''")
                        + "' (format parquet)");
            }
        } finally {
            Files.deleteIfExists(scratch);
            Files.deleteIfExists(Path.of(scratch + ".wal"));
        }
        return rows;
    }

    private static String duckType(int type, int precision, int scale) {
        return switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> "INTEGER";
            case Types.BIGINT -> "BIGINT";
            // an unconstrained numeric (PostgreSQL reports precision 0 or above 38) keeps its digits as text
            case Types.NUMERIC, Types.DECIMAL -> precision > 0 && precision <= 38
                    ? "DECIMAL(" + precision + ", " + Math.max(0, scale) + ")" : "VARCHAR";
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> "DOUBLE";
            case Types.BOOLEAN, Types.BIT -> "BOOLEAN";
            case Types.DATE -> "DATE";
            case Types.TIMESTAMP -> "TIMESTAMP";
            case Types.TIMESTAMP_WITH_TIMEZONE -> "TIMESTAMPTZ";
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "BLOB";
            default -> "VARCHAR";
        };
    }

    private static void append(DuckDBAppender appender, ResultSet row, int column, int type) throws SQLException {
        switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> {
                int value = row.getInt(column);
                if (row.wasNull()) {
                    appender.appendNull();
                } else {
                    appender.append(value);
                }
            }
            case Types.BIGINT -> {
                long value = row.getLong(column);
                if (row.wasNull()) {
                    appender.appendNull();
                } else {
                    appender.append(value);
                }
            }
            case Types.NUMERIC, Types.DECIMAL -> {
                BigDecimal value = row.getBigDecimal(column);
                int precision = row.getMetaData().getPrecision(column);
                if (value == null) {
                    appender.appendNull();
                } else if (precision > 0 && precision <= 38) {
                    appender.append(value.setScale(Math.max(0, row.getMetaData().getScale(column))));
                } else {
                    appender.append(value.toPlainString());
                }
            }
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
                double value = row.getDouble(column);
                if (row.wasNull()) {
                    appender.appendNull();
                } else {
                    appender.append(value);
                }
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean value = row.getBoolean(column);
                if (row.wasNull()) {
                    appender.appendNull();
                } else {
                    appender.append(value);
                }
            }
            case Types.DATE -> {
                java.sql.Date value = row.getDate(column);
                if (value == null) {
                    appender.appendNull();
                } else {
                    appender.append(value.toLocalDate());
                }
            }
            case Types.TIMESTAMP -> {
                Timestamp value = row.getTimestamp(column);
                if (value == null) {
                    appender.appendNull();
                } else {
                    appender.append(value.toLocalDateTime());
                }
            }
            case Types.TIMESTAMP_WITH_TIMEZONE -> {
                OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
                if (value == null) {
                    appender.appendNull();
                } else {
                    appender.append(value);
                }
            }
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] value = row.getBytes(column);
                if (value == null) {
                    appender.appendNull();
                } else {
                    appender.append(value);
                }
            }
            default -> {
                String value = row.getString(column);
                if (value == null) {
                    appender.appendNull();
                } else {
                    appender.append(value);
                }
            }
        }
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
