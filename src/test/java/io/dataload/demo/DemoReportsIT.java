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
 * The demo on every engine, through the real command: for the same data, DuckDB, PostgreSQL,
 * MariaDB and Snowflake (the unmodified driver against the stand-in) write byte-identical reports,
 * initial and incremental, at scale 1 and 20; scale 1 also matches the checked-in expected report.
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
            assertEquals("  d_analysts: 40 new or changed rows\n  f_cases: 156 new or changed rows\n"
                    + "  no changes: d_calendar, d_priorities, d_products\n", texts.get(2), engine + " lake");
        });
        // the run history shows every demo run with its chain, and the report page draws it
        CliRun history = CliRun.of("history", "-C", dir.toString(), "--json", "--limit", "50");
        assertEquals(0, history.exit(), history.all());
        List<String> runs = history.out().lines().toList();
        assertEquals(24, runs.size(), history.out()); // per engine: demo, then demo --incremental, each load with its lake export
        assertTrue(runs.get(0).contains("\"file\":\"configs/snowflake/Lake.json\""), runs.get(0));
        assertTrue(runs.get(23).contains("\"file\":\"configs/duckdb/Conditions.json\""), runs.get(23));
        String id = runs.get(23).replaceAll(".*\"run_id\":\"([0-9A-Z]+)\".*", "$1");
        CliRun detail = CliRun.of("history", "-C", dir.toString(), id);
        assertTrue(detail.out().contains("chained run ") && detail.out().contains("configs/duckdb/DataWarehouse.json load")
                && detail.out().contains("configs/duckdb/Reports.json extract"), detail.out());
        CliRun page = CliRun.of("report", "-C", dir.toString(), "--html", "report.html");
        assertEquals(0, page.exit(), page.all());
        String html = java.nio.file.Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("configs/duckdb/Reports.json") && html.contains("OnSuccess"), "the chain is in the page");
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
            for (String engine : List.of("duckdb", "postgres", "mysql", "snowflake")) {
                String database = servers.database(engine);
                List<String> texts = new ArrayList<>();
                String lake = dir.resolve("lake_" + engine).toString();
                CliRun initial = project.demo(engine, database, "--scale", String.valueOf(scale), "--lake", lake);
                assertEquals(0, initial.exit(), initial.all());
                texts.add(project.report(engine));
                CliRun incremental = project.demo(engine, database, "--scale", String.valueOf(scale), "--incremental",
                        "--lake", lake);
                assertEquals(0, incremental.exit(), incremental.all());
                texts.add(project.report(engine));
                // the lake export: the same changed rows on every engine, as its manifest says
                texts.add(lakeSummary(incremental.out()));
                reports.put(engine, texts);
            }
        } finally {
            servers.dropAll();
        }
        return reports;
    }

    /** The lake export's lines of the last demo run, paths left out (they name the engine's folder). */
    private static String lakeSummary(String out) {
        String last = out.substring(out.lastIndexOf("Lake export to "));
        return last.lines().skip(1).takeWhile(line -> line.startsWith("  "))
                .map(line -> line.replaceAll(" -> .*", "")).reduce("", (a, b) -> a + b + "\n");
    }

    private static String expected(String name) {
        try (InputStream in = DemoReportsIT.class.getResourceAsStream("/demo/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
