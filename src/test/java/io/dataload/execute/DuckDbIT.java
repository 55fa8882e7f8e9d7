package io.dataload.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine contract on embedded DuckDB (a database file in the test's folder). */
class DuckDbIT extends EngineContract {

    @Override
    String url() {
        return "jdbc:duckdb:test.duckdb";
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("test.duckdb"));
    }

    @Override
    String engine() {
        return "duckdb";
    }

    @Override
    boolean proceduresWrite() {
        return false;
    }

    /**
     * An extract replaces the part file a killed run left (one fixed name per target), keeps an
     * existing target's mode, and gives a new one the umask's mode rather than owner-only.
     */
    @Test
    void anExtractReplacesLeftoversAndKeepsTheTargetsMode() throws Exception {
        setUpTables();
        Path part = dir.resolve("out/.customers.csv.part");
        Files.writeString(part, "left by a killed run");
        Path target = dir.resolve("out/customers.csv");
        Files.deleteIfExists(target);
        runOk("actions.json", "extract");
        assertFalse(Files.exists(part), "the leftover part file is gone");
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part")).toList());
        }
        assertEquals(PosixFilePermissions.fromString("rw-r--r--"), Files.getPosixFilePermissions(target),
                "a new file follows the umask (022 here)");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-r--"));
        runOk("actions.json", "extract");
        assertEquals(PosixFilePermissions.fromString("rw-rw-r--"), Files.getPosixFilePermissions(target));
    }
}
