package io.dataload.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an embedded SQLite file, and the upgrade of an older store in place. */
class SqliteStateStoreTest extends StateStoreContract {
    @TempDir
    Path dir;

    @Override
    String url() {
        return "jdbc:sqlite:" + dir.resolve("logs/dataload.db");
    }

    @Test
    void anOlderStoreIsUpgradedInPlaceWithoutLosingRows() throws Exception {
        String url = url();
        java.nio.file.Files.createDirectories(dir.resolve("logs"));
        StateStore.migrate(StateStore.sqlite(url), null, "1");
        try (Connection connection = StateStore.sqlite(url).getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("insert into runs (run_id, trigger_kind, tool, action_file, action, attempt, arguments,"
                    + " started_ms, outcome) values ('01OLD', 'cli', 'dataload', 'old.json', 'load', 1, '[]', 5, 'succeeded')");
        }
        try (StateStore store = StateStore.open(url)) {
            assertEquals("old.json", store.run("01OLD").actionFile());
        }
        try (Connection connection = StateStore.sqlite(url).getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select max(version) from flyway_schema_history where success = 1")) {
            rows.next();
            assertEquals(StateStore.LATEST, rows.getString(1));
        }
    }
}
