package io.dataload.demo;

import io.dataload.execute.LocalServers;
import io.dataload.standin.snowflake.SnowflakeStandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Fresh databases on the local servers for demo tests (null for DuckDB), dropped afterwards; for
 * Snowflake a stand-in of its own, whose endpoint stands for the database. A missing server skips
 * the test, or fails it in CI.
 */
final class DemoServers {
    private final List<String[]> created = new ArrayList<>();
    private final List<SnowflakeStandIn> standIns = new ArrayList<>();

    /** The name of a fresh database for the engine's demo, null for DuckDB, the stand-in's endpoint for Snowflake. */
    String database(String engine) throws SQLException {
        if (engine.equals("duckdb")) {
            return null;
        }
        if (engine.equals("snowflake")) {
            try {
                SnowflakeStandIn standIn = SnowflakeStandIn.start(new SnowflakeStandIn.Config()
                        .dir(Files.createTempDirectory("dl-demo-snowflake")).password("secret"));
                standIns.add(standIn);
                return standIn.endpoint();
            } catch (IOException e) {
                throw new SQLException("cannot start the Snowflake stand-in: " + e.getMessage(), e);
            }
        }
        String name = "dl_demo_it_" + Long.toHexString(System.nanoTime());
        LocalServers.require(engine).close();
        created.add(new String[] {engine, name});
        return name;
    }

    /** The stand-in the last Snowflake demo runs against. */
    SnowflakeStandIn snowflake() {
        return standIns.get(standIns.size() - 1);
    }

    void dropAll() {
        standIns.forEach(SnowflakeStandIn::close);
        standIns.clear();
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
