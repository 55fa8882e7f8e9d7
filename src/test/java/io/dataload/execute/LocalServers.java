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
final class LocalServers {
    static final String POSTGRES = System.getenv().getOrDefault("DATALOAD_IT_POSTGRES",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    static final String MARIADB = System.getenv().getOrDefault("DATALOAD_IT_MARIADB",
            "jdbc:mysql://127.0.0.1:3306/test?user=root&password=");

    private LocalServers() {
    }

    /** A connection to the server, or the test is skipped (failed in CI) with the reason. */
    static Connection require(String url, String what) {
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
