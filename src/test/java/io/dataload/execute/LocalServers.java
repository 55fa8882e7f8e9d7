package io.dataload.execute;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;

/**
 * The local PostgreSQL and MariaDB servers of the integration tests. Without a server the tests
 * are skipped with the reason, except in CI ({@code CI=true}), where they must run.
 */
public final class LocalServers {
    public static final String POSTGRES = System.getenv().getOrDefault("DATALOAD_IT_POSTGRES",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    public static final String MARIADB = System.getenv().getOrDefault("DATALOAD_IT_MARIADB",
            "jdbc:mysql://127.0.0.1:3306/test?user=root&password=");

    private LocalServers() {
    }

    /** The admin URL of the engine's local server ("postgres" or "mysql"). */
    public static String url(String engine) {
        return engine.equals("postgres") ? POSTGRES : MARIADB;
    }

    /** A connection to the engine's local server, or the test is skipped (failed in CI). */
    public static Connection require(String engine) {
        return require(url(engine), engine.equals("postgres") ? "PostgreSQL" : "MariaDB");
    }

    /** Runs the statements on the local PostgreSQL (as {@link #require(String, String)}: skipped or failed without it). */
    public static void postgres(String... statements) throws SQLException {
        try (Connection connection = require(POSTGRES, "PostgreSQL");
                java.sql.Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** A connection to the server, or the test is skipped (failed in CI) with the reason. */
    public static Connection require(String url, String what) {
        try {
            return DriverManager.getConnection(url);
        } catch (SQLException e) {
            String reason = what + " is not reachable at " + url.replaceAll("\\?.*", "") + " (" + e.getMessage()
                    + "); start it to run these tests";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true: " + reason);
            }
            Assumptions.abort(reason);
            return null;
        }
    }
}
