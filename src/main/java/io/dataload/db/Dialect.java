package io.dataload.db;

import io.dataload.config.CsvDialect;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalLong;

/** What differs between database engines: script splitting, procedure calls, streaming reads. */
public interface Dialect {

    /** Short name used in messages and file names ("duckdb", "postgres", "mysql"). */
    String name();

    /** The statements to send for a script, in order. */
    List<SqlStatement> statements(String script);

    /** The SQL that calls the stored procedure or function {@code name} with no arguments. */
    String procedureCall(Connection connection, String name) throws SQLException;

    /**
     * Streams a delimited file into a table with the engine's bulk path, inside the connection's
     * transaction; returns the rows loaded. {@code data} is the file's content (an engine that
     * reads the file itself may ignore it).
     */
    long copyIn(Connection connection, CopyJob job, InputStream data) throws SQLException, IOException;

    /** Opens one file of a copy for reading (with the run's progress reporting). */
    interface FileOpener {
        InputStream open(java.nio.file.Path file) throws IOException;
    }

    /**
     * Loads every file of a copy (its one file, or the matches of its pattern) into the table, inside
     * the connection's transaction; returns the rows loaded. By default the files go through
     * {@link #copyIn(Connection, CopyJob, InputStream)} one after the other.
     */
    default long copyIn(Connection connection, CopyJob job, List<java.nio.file.Path> files, FileOpener opener)
            throws SQLException, IOException {
        long rows = 0;
        for (java.nio.file.Path file : files) {
            try (InputStream data = opener.open(file)) {
                rows += copyIn(connection, job.withFile(file), data);
            }
        }
        return rows;
    }

    /**
     * Whether a copy may be split into parts loaded at once over several connections
     * ({@link #copyPart}): the engine reads the stream the client sends, as PostgreSQL's COPY FROM STDIN.
     */
    default boolean parallelCopy() {
        return false;
    }

    /** Loads one part of a split copy: whole records, no header line, inside the connection's transaction. */
    default long copyPart(Connection connection, CopyJob job, InputStream records) throws SQLException, IOException {
        throw new UnsupportedOperationException(name() + " does not load copies in parts");
    }

    /** The statement that empties a table inside a transaction (a copy's {@code "truncate": true}). */
    default String truncate(String table) {
        return "delete from " + table;
    }

    /**
     * Writes the query's rows to {@code out} with the engine's own export when it gives exactly
     * the bytes Python's csv module would write with {@code csv}; empty (nothing written) when
     * it cannot, and the caller reads a result set instead.
     */
    default OptionalLong copyOut(Connection connection, String query, CsvDialect csv, OutputStream out)
            throws SQLException, IOException {
        return OptionalLong.empty();
    }

    /** Cancels what the connection runs outside a statement (a bulk copy); most engines have nothing to do. */
    /**
     * The type to cast a watermark's text to, to compare it with a column the query returns
     * ({@code typeName} as the driver names it): PostgreSQL and DuckDB take the column's own type.
     */
    default String castType(String typeName, int jdbcType) {
        return typeName;
    }

    /**
     * The upper bound of an incremental window: the database's own clock minus {@code lag}, as the
     * text of a local timestamp with microseconds, read once when the extract starts.
     */
    default String upperBound(Connection connection, java.time.Duration lag) throws SQLException {
        try (java.sql.PreparedStatement query = connection.prepareStatement(
                "select cast(localtimestamp - cast(? as interval) as varchar)")) {
            query.setString(1, lag.toNanos() / 1000 + " microseconds");
            try (java.sql.ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /** A string literal in this engine's SQL (MySQL also escapes backslashes). */
    default String literal(String text) {
        return SqlLiteral.of(text);
    }

    /**
     * Makes the connection's next statements read one snapshot (an incremental extract's export and
     * the read of its last row); an engine whose extracts read their last row from the export itself
     * has nothing to do.
     */
    /** A column's name as the driver reports it, quoted so that it means exactly that column ({@code "at"}). */
    default String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    default void snapshot(Connection connection) throws SQLException {
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    }

    default void cancel(Connection connection) {
    }

    /** Makes a query statement stream its rows instead of reading them all into memory. */
    default void streamResults(Statement statement) throws SQLException {
        statement.setFetchSize(10_000);
    }
}
