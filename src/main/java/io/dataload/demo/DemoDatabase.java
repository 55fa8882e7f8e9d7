package io.dataload.demo;

import io.dataload.config.ConfigException;
import io.dataload.config.DatabaseSettings;
import io.dataload.config.Resources;
import io.dataload.db.DatabaseTarget;
import io.dataload.db.Engine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The demo's server database: {@link DatabaseSettings} with the precedence of every command
 * (resource file, then the client's environment variables), then the demo's defaults (the local
 * server as its administrator, database {@code dataload_demo}); the database is created when missing.
 */
public record DemoDatabase(String engine, String host, int port, String database, String user, String password) {

    public static DemoDatabase of(String engine, Resources resources, Map<String, String> env) throws ConfigException {
        boolean postgres = engine.equals("postgres");
        DatabaseSettings settings = DatabaseTarget.settings(Engine.named(engine), resources, env);
        return new DemoDatabase(engine, or(settings.host(), "127.0.0.1"),
                settings.port() != null ? settings.port() : postgres ? 5432 : 3306,
                or(settings.database(), "dataload_demo"), or(settings.user(), postgres ? "postgres" : "root"),
                or(settings.password(), ""));
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /** The JDBC URL of the demo database, credentials included (they are masked wherever printed). */
    public String url() {
        return url(database);
    }

    private String url(String db) {
        return Engine.named(engine).url(new DatabaseSettings(host, port, db, null, null, null)) + "?user=" + user
                + "&password=" + password;
    }

    /** Creates the database when it does not exist yet. */
    public void create() throws SQLException {
        if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new SQLException("the demo database name must be a plain identifier: " + database);
        }
        if (engine.equals("mysql")) {
            try (Connection connection = DriverManager.getConnection(url(""));
                    Statement statement = connection.createStatement()) {
                statement.execute("create database if not exists " + database);
            }
            return;
        }
        try (Connection connection = DriverManager.getConnection(url("postgres"));
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("create database " + database);
            }
        }
    }

    @Override
    public String toString() {
        return engine + " database " + database + " on " + host + ":" + port + " as " + user;
    }
}
