package io.dataload.execute;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The engine contract on a local server, each test in a namespace (schema or database) of its own. */
abstract class ServerContract extends EngineContract {
    private String namespace;

    /** The URL of the server's existing test database. */
    abstract String adminUrl();

    /** The server's name for skip messages. */
    abstract String serverName();

    /** "schema" or "database": what {@code create X name} makes. */
    abstract String namespaceKind();

    /** The URL of a connection working in {@code namespace}. */
    abstract String urlFor(String namespace);

    @BeforeEach
    void createNamespace() throws SQLException {
        String name = "dl_it_" + Long.toHexString(System.nanoTime());
        try (Connection admin = LocalServers.require(adminUrl(), serverName());
                Statement statement = admin.createStatement()) {
            statement.execute("create " + namespaceKind() + " " + name);
        }
        namespace = name;
    }

    @AfterEach
    void dropNamespace() throws SQLException {
        if (namespace == null) {
            return;
        }
        try (Connection admin = DriverManager.getConnection(adminUrl());
                Statement statement = admin.createStatement()) {
            statement.execute("drop " + namespaceKind() + " if exists " + namespace
                    + ("schema".equals(namespaceKind()) ? " cascade" : ""));
        }
    }

    @Override
    String url() {
        return urlFor(namespace);
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }
}
