package io.dataload.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo warehouse's invariants on one engine, after the initial load and after the increment,
 * checked against the generated source files; a second run of the increment changes nothing.
 */
abstract class DemoWarehouseContract {
    private static final int LAST_YEAR = DemoDataGenerator.LAST_YEAR;

    @TempDir
    Path dir;
    final DemoServers servers = new DemoServers();
    String database;

    abstract String engine();

    abstract Connection connect() throws SQLException;

    @AfterEach
    void dropDatabase() {
        servers.dropAll();
    }

    @Test
    void invariantsHoldAfterTheInitialLoadAndTheIncrement() throws Exception {
        DemoProject project = new DemoProject(dir);
        database = servers.database(engine());
        CliRun initial = project.demo(engine(), database, "--scale", "2");
        assertEquals(0, initial.exit(), initial.all());
        Path data = dir.resolve("demo-data");
        Map<Integer, String[]> latest = new HashMap<>();
        Map<Integer, Integer> rows = expectedInitialRows(data, latest);
        checkWarehouse(rows, latest, cases(data, false));

        CliRun increment = project.demo(engine(), database, "--scale", "2", "--incremental");
        assertEquals(0, increment.exit(), increment.all());
        Map<Integer, String[]> now = snapshot(data.resolve("new/analysts.csv"));
        for (Map.Entry<Integer, String[]> analyst : now.entrySet()) {
            String[] before = latest.get(analyst.getKey());
            if (before == null || !before[2].equals(analyst.getValue()[2]) || !before[3].equals(analyst.getValue()[3])) {
                rows.merge(analyst.getKey(), 1, Integer::sum);
            }
        }
        checkWarehouse(rows, now, cases(data, true));

        Map<String, List<String>> before = dump();
        CliRun again = project.demo(engine(), database, "--scale", "2", "--incremental");
        assertEquals(0, again.exit(), again.all());
        assertEquals(before, dump(), "running the same increment twice changes nothing");
    }

    private void checkWarehouse(Map<Integer, Integer> rowsPerAnalyst, Map<Integer, String[]> current, long caseCount)
            throws SQLException {
        try (Connection connection = connect()) {
            for (String[] reference : List.of(
                    new String[] {"analyst_id", "d_analysts"}, new String[] {"priority_id", "d_priorities"},
                    new String[] {"product_id", "d_products"}, new String[] {"created_date_id", "d_calendar"},
                    new String[] {"assigned_date_id", "d_calendar"}, new String[] {"responded_date_id", "d_calendar"},
                    new String[] {"closed_date_id", "d_calendar"})) {
                assertEquals(0, count(connection, "select count(*) from f_cases f left join " + reference[1]
                        + " d on d.id = f." + reference[0] + " where d.id is null"), reference[0] + " is a real key");
            }
            assertEquals(0, count(connection, "select count(*) from (select aid from d_analysts where end_date is null"
                    + " group by aid having count(*) <> 1) x"), "at most one open row per analyst");
            assertEquals(0, count(connection, "select count(*) from d_analysts"
                    + " where (end_date is null and not is_active) or (end_date is not null and is_active)"));
            assertEquals(0, count(connection, "select count(*) from d_analysts a join d_analysts b on a.aid = b.aid"
                    + " and a.id < b.id where (a.end_date is null or b.start_date <= a.end_date)"
                    + " and (b.end_date is null or a.start_date <= b.end_date)"), "no overlapping intervals");
            assertEquals(new TreeMap<>(rowsPerAnalyst), rowsPerAnalyst(connection), "one row per team/skills period");
            Map<Integer, String[]> active = active(connection);
            for (Map.Entry<Integer, String[]> analyst : current.entrySet()) {
                String[] row = active.get(analyst.getKey());
                String[] source = analyst.getValue();
                assertTrue(row != null, "analyst " + analyst.getKey() + " has an active row");
                assertEquals(List.of(source[2], source[3]), List.of(row[1], row[2]), "active row of " + analyst.getKey());
            }
            assertEquals(0, count(connection, "select count(*) from d_analysts d join d_analysts e on d.aid = e.aid"
                    + " where d.name <> e.name"), "a name change applies to every row (type 1)");
            assertEquals(0, count(connection, "select count(*) from f_cases f join d_analysts a on a.id = f.analyst_id"
                    + " where f.analyst_id <> -1 and not (a.start_date <= coalesce(f.assigned_ts, f.created_ts)"
                    + " and (a.end_date is null or coalesce(f.assigned_ts, f.created_ts) <= a.end_date))"),
                    "the analyst row is the one valid at assignment");
            assertEquals(0, count(connection, "select count(*) from f_cases f join stg_cases c on c.cid = f.case_id"
                    + " join d_analysts a on a.id = f.analyst_id where (c.aid is null) <> (f.analyst_id = -1)"
                    + " or (c.aid is not null and a.aid <> c.aid)"), "the fact's analyst is the case's");
            assertEquals(0, count(connection, "select count(*) from f_cases f join stg_cases c on c.cid = f.case_id"
                    + " where (c.pid is null) <> (f.product_id = -1)"), "products resolve, lines and groups too");
            assertTrue(count(connection, "select count(*) from f_cases f join d_products p on p.id = f.product_id"
                    + " where p.level in ('group', 'line')") > 0, "some cases are filed against a group or line");
            assertEquals(0, count(connection, "select count(*) from d_products where level = 'group'"
                    + " and (product_group <> product or product_line = product_group)"));
            assertEquals(caseCount, count(connection, "select count(*) from f_cases"));
            assertEquals(caseCount, count(connection, "select count(distinct cid) from stg_cases"));
        }
    }

    /** Rows per analyst of the initial load: one per run of consecutive years with the same team and skills. */
    private static Map<Integer, Integer> expectedInitialRows(Path data, Map<Integer, String[]> latest)
            throws IOException {
        Map<Integer, Integer> rows = new HashMap<>();
        Map<Integer, String[]> previous = new HashMap<>();
        for (int year = DemoDataGenerator.FIRST_YEAR; year <= LAST_YEAR; year++) {
            Map<Integer, String[]> snapshot = snapshot(data.resolve("analysts_" + year + ".csv"));
            for (Map.Entry<Integer, String[]> analyst : snapshot.entrySet()) {
                String[] before = previous.get(analyst.getKey());
                String[] now = analyst.getValue();
                if (before == null || !before[2].equals(now[2]) || !before[3].equals(now[3])) {
                    rows.merge(analyst.getKey(), 1, Integer::sum);
                }
            }
            previous = snapshot;
        }
        latest.putAll(previous);
        return rows;
    }

    private static Map<Integer, String[]> snapshot(Path file) throws IOException {
        Map<Integer, String[]> analysts = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] fields = ReportTable.fields(line);
            analysts.put(Integer.parseInt(fields[0]), fields);
        }
        return analysts;
    }

    private static long cases(Path data, boolean withIncrement) throws IOException {
        long count = Files.readAllLines(data.resolve("cases.csv")).size();
        return withIncrement ? count + Files.readAllLines(data.resolve("new/cases.csv")).size() : count;
    }

    private static Map<Integer, Integer> rowsPerAnalyst(Connection connection) throws SQLException {
        Map<Integer, Integer> rows = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select aid, count(*) from d_analysts where aid <> -1 group by aid")) {
            while (result.next()) {
                rows.put(result.getInt(1), result.getInt(2));
            }
        }
        return rows;
    }

    private static Map<Integer, String[]> active(Connection connection) throws SQLException {
        Map<Integer, String[]> rows = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select aid, name, team, skills from d_analysts where end_date is null")) {
            while (result.next()) {
                rows.put(result.getInt(1), new String[] {result.getString(2), result.getString(3), result.getString(4)});
            }
        }
        return rows;
    }

    private Map<String, List<String>> dump() throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection connection = connect()) {
            for (String table : List.of("d_analysts", "d_calendar", "d_priorities", "d_products", "f_cases")) {
                List<String> rows = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                        ResultSet result = statement.executeQuery("select * from " + table + " order by 1")) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= columns; c++) {
                            // when a row was last written is bookkeeping (the lake export follows it), not data
                            if (!result.getMetaData().getColumnLabel(c).equalsIgnoreCase("updated_at")) {
                                row.append(result.getString(c)).append('|');
                            }
                        }
                        rows.add(row.toString());
                    }
                }
                tables.put(table, rows);
            }
        }
        return tables;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
