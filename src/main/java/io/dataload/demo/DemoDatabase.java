package io.dataload.demo;

import io.dataload.config.Resources;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The demo's server database: host, port, database and user from the demo resource file
 * ({@code RDS.*}), overridden by the client's usual environment variables; the database is
 * created when missing.
 */
public record DemoDatabase(String engine, String host, String port, String database, String user, String password) {

    public static DemoDatabase of(String engine, Resources resources, Map<String, String> env) {
        boolean postgres = engine.equals("postgres");
        String host = env.getOrDefault(postgres ? "PGHOST" : "MYSQL_HOST", resources.get("RDS.Host").orElse("127.0.0.1"));
        String port = env.getOrDefault(postgres ? "PGPORT" : "MYSQL_TCP_PORT",
                resources.get("RDS.Port").orElse(postgres ? "5432" : "3306"));
        String database = env.getOrDefault(postgres ? "PGDATABASE" : "MYSQL_DATABASE",
                resources.get("RDS.DBName").orElse("dataload_demo"));
        String user = env.getOrDefault(postgres ? "PGUSER" : "MYSQL_USER",
                resources.get("RDS.MasterUsername").orElse(postgres ? "postgres" : "root"));
        String password = env.getOrDefault(postgres ? "PGPASSWORD" : "MYSQL_PWD",
                resources.get("RDS.MasterUserPassword").orElse(""));
        return new DemoDatabase(engine, host, port, database, user, password);
    }

    /** The JDBC URL of the demo database, credentials included (they are masked wherever printed). */
    public String url() {
        return url(database);
    }

    private String url(String db) {
        String scheme = engine.equals("postgres") ? "jdbc:postgresql://" : "jdbc:mysql://";
        return scheme + host + ":" + port + "/" + db + "?user=" + user + "&password=" + password;
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
