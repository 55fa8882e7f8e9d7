package io.dataload.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.execute.LocalServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project written for the Python tool (src/test/resources/legacy) run step by step through the
 * shipped wrappers, as its cron lines would: CLILoadT for the exec check, then PostgresLoadT or
 * MySQLLoadT with the original positional arguments, in the project's folder.
 */
class LegacyProjectIT {
    @TempDir
    Path dir;

    @Test
    void postgresLoadT() throws Exception {
        runProject("postgres", "PostgresLoadT", "postgres", "5432", "exec");
    }

    @Test
    void mySqlLoadT() throws Exception {
        runProject("mysql", "MySQLLoadT", "root", "3306", "load");
    }

    private void runProject(String engine, String wrapper, String user, String port, String load) throws Exception {
        String database = "dl_legacy_" + Long.toHexString(System.nanoTime());
        try (Connection admin = LocalServers.require(engine); Statement statement = admin.createStatement()) {
            statement.execute("create database " + database);
        }
        try {
            copy("common", dir);
            copy(engine, dir);
            Files.createDirectories(dir.resolve("out"));
            Files.writeString(dir.resolve("ProjectResources.yml"), "Region: \"us-west-2\"\nRDS:\n"
                    + "  DBName: \"" + database + "\"\n  DBInstanceIdentifier: \"LegacyTest\"\n"
                    + "  MasterUsername: \"" + user + "\"\n  MasterUserPassword: \"\"\n  Port: \"" + port + "\"\n"
                    + "  Endpoint: \"127.0.0.1\"\n");

            assertEquals(0, wrap("CLILoadT", "Checks.json"));
            assertTrue(Files.readString(dir.resolve("checks.done")).startsWith("checks passed for exec"));
            for (String action : List.of("drop", "create", load, "proc", "refresh", "extract")) {
                assertEquals(0, wrap(wrapper, "ProjectResources.yml", "StagingArea.json", action), action);
            }
            assertEquals(0, wrap(wrapper, "ProjectResources.yml", "StagingArea.json", "drop", "cases", "2"));
            assertEquals("Database|4\r\nNetwork|1\r\n", Files.readString(dir.resolve("out/case_counts.csv")));
            assertEquals(List.of("dropped drop", "drop finished", "create finished", load + " finished",
                    "proc finished", "refresh finished", "extract finished", "dropped drop", "drop finished"),
                    Files.readAllLines(dir.resolve("out/events.txt")));
            try (Stream<Path> logs = Files.list(dir.resolve("logs"))) {
                List<String> names = logs.map(p -> p.getFileName().toString()).sorted().toList();
                assertTrue(names.stream().anyMatch(n -> n.matches("CLILoadT_Checks_exec_1_\\d{14}\\.log")), names.toString());
                assertTrue(names.stream().anyMatch(n -> n.matches(wrapper + "_StagingArea_drop_2_\\d{14}\\.log")),
                        names.toString());
            }
            String url = LocalServers.url(engine).replace("/test?", "/" + database + "?");
            try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
                try (ResultSet rows = statement.executeQuery("select count(*) from analysts")) {
                    rows.next();
                    assertEquals(3, rows.getInt(1));
                }
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(LocalServers.url(engine));
                    Statement statement = admin.createStatement()) {
                statement.execute("drop database if exists " + database + (engine.equals("postgres") ? " with (force)" : ""));
            }
        }
    }

    private int wrap(String wrapper, String... args) throws IOException, InterruptedException {
        return WrapperProcess.run(dir, Map.of(), wrapper, args).exit();
    }

    private static void copy(String folder, Path target) throws IOException {
        Path source = Path.of("src/test/resources/legacy", folder);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                    to.toFile().setExecutable(file.toFile().canExecute());
                }
            }
        }
    }
}
