package io.dataload.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults on PostgreSQL: a statement past its timeout is stopped, and a backend terminated in the
 * middle of a load fails the action; either way the transaction is rolled back and the OnError
 * policy decides, and the run never hangs.
 */
class PostgresFaultsIT {
    @TempDir
    Path dir;

    @BeforeEach
    void table() throws Exception {
        LocalServers.postgres("drop table if exists dl_faults_it",
                "create table dl_faults_it (id int)");
        Files.writeString(dir.resolve("slow.sql"), "insert into dl_faults_it values (1);\n"
                + "select pg_sleep(30) /* dl_faults_it marker */;\ninsert into dl_faults_it values (2);");
    }

    @AfterEach
    void drop() throws Exception {
        try (Connection connection = DriverManager.getConnection(LocalServers.POSTGRES);
                Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists dl_faults_it");
        }
    }

    private void actions(String spec, String policy) throws Exception {
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"slow\", \"scripts\": {\"load\": " + spec + "}}],"
                + " \"OnError\": " + policy + "}");
    }

    @Test
    void aStatementPastItsTimeoutIsStoppedAndRolledBack() throws Exception {
        actions("{\"file\": \"slow.sql\", \"timeout\": \"500ms\"}", "{\"timeout\": [\"Ignore\"], \"AnyOther\": [\"Stop\"]}");
        long start = System.nanoTime();
        CliRun run = CliRun.run(dir, "-q", "--db", LocalServers.POSTGRES, "a.json", "load");
        assertEquals(0, run.exit(), run.all());
        assertTrue(System.nanoTime() - start < 15_000_000_000L, "stopped, not waited out");
        assertTrue(run.out().contains(": timeout") && run.out().contains("OnError \"timeout\", attempt 1: Ignore"), run.out());
        assertEquals(0, rows(), "the first insert was rolled back");
    }

    @Test
    void aTerminatedBackendFailsTheActionAndLeavesNoRows() throws Exception {
        actions("\"slow.sql\"", "{\"terminating connection\": [\"Stop\"], \"AnyOther\": [\"Stop\"]}");
        CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> {
            try (Connection admin = DriverManager.getConnection(LocalServers.POSTGRES);
                    Statement statement = admin.createStatement()) {
                for (int i = 0; i < 200; i++) {
                    try (ResultSet killed = statement.executeQuery("select pg_terminate_backend(pid) from pg_stat_activity"
                            + " where query like '%dl_faults_it marker%' and pid <> pg_backend_pid()")) {
                        if (killed.next()) {
                            return;
                        }
                    }
                    Thread.sleep(50);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        CliRun run = CliRun.run(dir, "-q", "--db", LocalServers.POSTGRES, "a.json", "load");
        killer.join();
        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("terminating connection due to administrator command"), run.out());
        assertEquals(0, rows(), "the transaction was rolled back");
    }

    private static int rows() throws Exception {
        try (Connection connection = DriverManager.getConnection(LocalServers.POSTGRES);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from dl_faults_it")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
