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
    default void cancel(Connection connection) {
    }

    /** Makes a query statement stream its rows instead of reading them all into memory. */
    default void streamResults(Statement statement) throws SQLException {
        statement.setFetchSize(10_000);
    }
}
