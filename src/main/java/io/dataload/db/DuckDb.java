package io.dataload.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.duckdb.DuckDBDriver;

/**
 * Connections to DuckDB through its driver named by class: {@link java.sql.DriverManager} would
 * first load and initialize every driver on the class path (Snowflake's alone is 700 classes).
 */
public final class DuckDb {
    private DuckDb() {
    }

    /** {@code jdbc:duckdb:} (in memory) or {@code jdbc:duckdb:FILE}; results are streamed, not held whole. */
    public static Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("jdbc_stream_results", "true");
        Connection connection = new DuckDBDriver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("not a DuckDB URL: " + url);
        }
        return connection;
    }
}
