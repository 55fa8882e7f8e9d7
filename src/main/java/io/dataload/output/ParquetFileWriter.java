package io.dataload.output;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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
 * microseconds, strings — then {@code COPY ... (FORMAT PARQUET, COMPRESSION ...)} writes the file with the
 * codec asked for (snappy, DuckDB's default, zstd, gzip, or none).
 */
final class ParquetFileWriter implements RowWriter {
    private final Scratch scratch;
    private final Columns columns;
    private final Path file;
    private final String codec;
    private final String table;
    private final DuckDBAppender appender;
    private long rows;

    /**
     * A scratch DuckDB database on disk, next to the output, shared by the files of one extract (a
     * partitioned extract writes many, one after another): each file's rows go into a table of their
     * own, copied out as Parquet and dropped when the file is complete.
     */
    static final class Scratch implements AutoCloseable {
        private final Path path;
        private final Connection duck;
        private int tables;

        private Scratch(Path path, Connection duck) {
            this.path = path;
            this.duck = duck;
        }

        static Scratch open(Path folder) throws IOException, SQLException {
            Files.createDirectories(folder);
            Path path = Files.createTempFile(folder, ".parquet-", ".duckdb");
            Files.delete(path); // DuckDB creates its own file there
            Connection duck = io.dataload.db.DuckDb.connect("jdbc:duckdb:" + path);
            try (Statement statement = duck.createStatement()) {
                statement.execute("set memory_limit = '64MB'");
                statement.execute("set threads = 1");
                statement.execute("set preserve_insertion_order = true");
            } catch (SQLException e) {
                duck.close();
                throw e;
            }
            return new Scratch(path, duck);
        }

        @Override
        public void close() throws IOException {
            try {
                duck.close();
            } catch (SQLException e) {
                // the scratch file is removed below either way
            } finally {
                Files.deleteIfExists(path);
                Files.deleteIfExists(Path.of(path + ".wal"));
            }
        }
    }

    ParquetFileWriter(Scratch scratch, Columns columns, Path file, String codec) throws SQLException {
        this.scratch = scratch;
        this.columns = columns;
        this.file = file;
        this.codec = codec.equals("none") ? "uncompressed" : codec;
        this.table = "extracted_" + scratch.tables++;
        List<String> definitions = new ArrayList<>();
        for (int c = 0; c < columns.count(); c++) {
            definitions.add(quote(columns.names().get(c)) + " " + duckType(columns.types()[c], columns.precisions()[c],
                    columns.scales()[c]));
        }
        try (Statement statement = scratch.duck.createStatement()) {
            statement.execute("create table " + table + " (" + String.join(", ", definitions) + ")");
        }
        this.appender = scratch.duck.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
    }

    @Override
    public void write(ResultSet result) throws SQLException {
        appender.beginRow();
        for (int c = 0; c < columns.count(); c++) {
            append(appender, result, c + 1, columns.types()[c]);
        }
        appender.endRow();
        rows++;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        appender.close();
        try (Statement statement = scratch.duck.createStatement()) {
            statement.execute("copy " + table + " to '" + file.toAbsolutePath().toString().replace("'", "''")
                    + "' (format parquet, compression '" + codec + "')");
            statement.execute("drop table " + table);
        }
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
