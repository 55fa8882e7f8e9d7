package io.dataload.db;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

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
     * transaction; returns the rows loaded.
     */
    long copyIn(Connection connection, CopyJob job) throws SQLException, IOException;

    /** Makes a query statement stream its rows instead of reading them all into memory. */
    default void streamResults(Statement statement) throws SQLException {
        statement.setFetchSize(10_000);
    }
}
