package io.dataload.demo;

import io.dataload.execute.LocalServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Fresh databases on the local servers for demo tests (null for DuckDB), dropped afterwards. A
 * missing server skips the test, or fails it in CI.
 */
final class DemoServers {
    private final List<String[]> created = new ArrayList<>();

    /** The name of a fresh database for the engine's demo, or null for DuckDB. */
    String database(String engine) throws SQLException {
        if (engine.equals("duckdb")) {
            return null;
        }
        String name = "dl_demo_it_" + Long.toHexString(System.nanoTime());
        LocalServers.require(engine).close();
        created.add(new String[] {engine, name});
        return name;
    }

    void dropAll() {
        for (String[] database : created) {
            try (Connection admin = DriverManager.getConnection(LocalServers.url(database[0]));
                    Statement statement = admin.createStatement()) {
                statement.execute("drop database if exists " + database[1]
                        + (database[0].equals("postgres") ? " with (force)" : ""));
            } catch (SQLException e) {
                // the server went away; nothing to clean
            }
        }
        created.clear();
    }
}
