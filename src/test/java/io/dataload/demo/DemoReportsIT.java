package io.dataload.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.cli.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo on every engine, through the real command: for the same data, DuckDB, PostgreSQL and
 * MariaDB write byte-identical reports, initial and incremental, at scale 1 and 20; scale 1 also
 * matches the checked-in expected report.
 */
class DemoReportsIT {
    @TempDir
    Path dir;

    @Test
    void everyEngineWritesTheSameReportsAtScale1() throws Exception {
        Map<String, List<String>> reports = reportsOfEveryEngine(1);
        reports.forEach((engine, texts) -> {
            assertEquals(expected("team_performance_scale1.csv"), texts.get(0), engine + " initial");
            assertEquals(expected("team_performance_scale1_incremental.csv"), texts.get(1), engine + " incremental");
        });
    }

    @Test
    void everyEngineWritesTheSameReportsAtScale20() throws Exception {
        Map<String, List<String>> reports = reportsOfEveryEngine(20);
        List<String> duckdb = reports.get("duckdb");
        assertTrue(!duckdb.get(0).equals(duckdb.get(1)), "the increment changes the report");
        reports.forEach((engine, texts) -> assertEquals(duckdb, texts, engine));
    }

    private Map<String, List<String>> reportsOfEveryEngine(int scale) throws IOException, SQLException {
        DemoProject project = new DemoProject(dir);
        Map<String, List<String>> reports = new LinkedHashMap<>();
        DemoServers servers = new DemoServers();
        try {
            for (String engine : List.of("duckdb", "postgres", "mysql")) {
                String database = servers.database(engine);
                List<String> texts = new ArrayList<>();
                CliRun initial = project.demo(engine, database, "--scale", String.valueOf(scale));
                assertEquals(0, initial.exit(), initial.all());
                texts.add(project.report(engine));
                CliRun incremental = project.demo(engine, database, "--scale", String.valueOf(scale), "--incremental");
                assertEquals(0, incremental.exit(), incremental.all());
                texts.add(project.report(engine));
                reports.put(engine, texts);
            }
        } finally {
            servers.dropAll();
        }
        return reports;
    }

    private static String expected(String name) {
        try (InputStream in = DemoReportsIT.class.getResourceAsStream("/demo/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
