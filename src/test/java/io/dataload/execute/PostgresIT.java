package io.dataload.execute;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The engine contract on the local PostgreSQL server, each test in a schema of its own. */
class PostgresIT extends EngineContract {
    private String schema;

    @BeforeEach
    void createSchema() throws SQLException {
        String name = "dl_it_" + Long.toHexString(System.nanoTime());
        try (Connection admin = LocalServers.require(LocalServers.POSTGRES, "PostgreSQL");
                Statement statement = admin.createStatement()) {
            statement.execute("create schema " + name);
        }
        schema = name;
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema == null) {
            return;
        }
        try (Connection admin = DriverManager.getConnection(LocalServers.POSTGRES);
                Statement statement = admin.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        }
    }

    @Override
    String url() {
        return LocalServers.POSTGRES + "&currentSchema=" + schema;
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    @Override
    String engine() {
        return "postgres";
    }
}
