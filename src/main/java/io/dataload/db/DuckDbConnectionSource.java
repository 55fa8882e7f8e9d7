package io.dataload.db;

import java.sql.Connection;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;

/**
 * Embedded DuckDB: one database instance for the run, and a duplicate of its connection for each
 * action, so that parallel actions share the same database file.
 */
public final class DuckDbConnectionSource implements ConnectionSource {
    private final String url;
    private DuckDBConnection root;

    public DuckDbConnectionSource(String url) {
        this.url = url;
    }

    @Override
    public Dialect dialect() {
        return Engine.DUCKDB.dialect();
    }

    @Override
    public synchronized Connection open() throws SQLException {
        if (root == null) {
            // results streamed as they are read rather than held whole (a 10M-row extract held them all)
            root = (DuckDBConnection) DuckDb.connect(url);
        }
        Connection connection = root.duplicate();
        connection.setAutoCommit(false);
        return connection;
    }

    @Override
    public synchronized void close() {
        if (root != null) {
            try {
                root.close();
            } catch (SQLException e) {
                // closing at the end of a run; nothing left to protect
            }
            root = null;
        }
    }
}
