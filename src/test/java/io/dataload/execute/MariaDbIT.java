package io.dataload.execute;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The engine contract on the local MariaDB server, each test in a database of its own. */
class MariaDbIT extends EngineContract {
    private String database;

    @BeforeEach
    void createDatabase() throws SQLException {
        String name = "dl_it_" + Long.toHexString(System.nanoTime());
        try (Connection admin = LocalServers.require(LocalServers.MARIADB, "MariaDB");
                Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        }
        database = name;
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (database == null) {
            return;
        }
        try (Connection admin = DriverManager.getConnection(LocalServers.MARIADB);
                Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + database);
        }
    }

    @Override
    String url() {
        return LocalServers.MARIADB.replace("/test?", "/" + database + "?");
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    @Override
    String engine() {
        return "mysql";
    }
}
