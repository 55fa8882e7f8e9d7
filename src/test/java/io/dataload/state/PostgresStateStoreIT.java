package io.dataload.state;

import io.dataload.execute.LocalServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The store contract on the local PostgreSQL server, in a schema of its own per test. */
class PostgresStateStoreIT extends StateStoreContract {
    private String schema;

    @BeforeEach
    void schema() throws Exception {
        LocalServers.require(LocalServers.POSTGRES, "PostgreSQL").close();
        schema = "dl_state_" + Long.toHexString(System.nanoTime());
    }

    @AfterEach
    void drop() throws Exception {
        try (Connection connection = DriverManager.getConnection(LocalServers.POSTGRES);
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        }
    }

    @Override
    String url() {
        return LocalServers.POSTGRES + "&currentSchema=" + schema;
    }
}
