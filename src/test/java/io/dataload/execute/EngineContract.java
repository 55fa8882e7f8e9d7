package io.dataload.execute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.cli.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same action files run on every engine through the real command line: sequential and
 * parallel runs, each OnError answer, rollback, extract, procedures called by name.
 */
abstract class EngineContract {
    private static final String RESOURCES = "/it/";

    @TempDir
    Path dir;

    /** The --db URL of a clean database for this test. */
    abstract String url();

    /** A connection to the same database, for assertions. */
    abstract Connection connect() throws SQLException;

    /** The folder of engine-specific scripts under it/. */
    abstract String engine();

    /** Whether the engine's procedure changes data (DuckDB macros cannot). */
    boolean proceduresWrite() {
        return true;
    }

    @BeforeEach
    void copyProject() throws IOException {
        for (String name : List.of("drop", "create_customers", "create_orders", "create_totals", "load_customers",
                "load_orders", "extract_customers", "partial_then_fail", "call_proc", "create_people")) {
            copy("common/" + name + ".sql");
        }
        copy("common/people.csv");
        copy("common/people_bad.csv");
        copy("common/people_crlf.csv");
        copy(engine() + "/create_proc.sql");
        copy("actions.json");
        Files.createDirectories(dir.resolve("out"));
    }

    private void copy(String resource) throws IOException {
        Path target = dir.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = EngineContract.class.getResourceAsStream(RESOURCES + resource)) {
            Files.copy(in, target);
        }
    }

    CliRun run(String file, String action, String... more) {
        List<String> args = new ArrayList<>(List.of("--db", url(), "-P", "common=common", "-P", "engine=" + engine(),
                "-q", file, action));
        args.addAll(List.of(more));
        return CliRun.run(dir, args.toArray(String[]::new));
    }

    CliRun runOk(String file, String action, String... more) {
        CliRun result = run(file, action, more);
        assertEquals(0, result.exit(), () -> action + " failed:\n" + result.all());
        return result;
    }

    void setUpTables() {
        runOk("actions.json", "drop");
        runOk("actions.json", "create");
        runOk("actions.json", "load");
    }

    @Test
    void sequentialCreateLoadAndExtractProduceTheSameCsvOnEveryEngine() throws Exception {
        runOk("actions.json", "drop");
        runOk("actions.json", "drop");
        runOk("actions.json", "create");
        runOk("actions.json", "load");
        assertEquals(3, count("t_customers"));
        assertEquals(3, count("t_orders"));
        runOk("actions.json", "extract");
        assertEquals("1,Ann,10.50,2026-01-05 09:00:00\r\n"
                        + "2,\"O'Brien, \"\"Bob\"\"\",-3.00,\r\n"
                        + "3,,0.25,2026-02-01 00:00:00\r\n",
                Files.readString(dir.resolve("out/customers.csv")));
        try (var files = Files.list(dir.resolve("out"))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file left");
        }
    }

    @Test
    void successHandlersRunInTheSpecOrder() throws Exception {
        runOk("actions.json", "drop");
        runOk("actions.json", "create");
        Files.deleteIfExists(dir.resolve("out/events.txt"));
        runOk("actions.json", "load");
        assertEquals(List.of("t_customers loaded", "OnSuccessload load", "OnSuccess load", "OnSuccessNotification load"),
                Files.readAllLines(dir.resolve("out/events.txt")));
    }

    @Test
    void parallelRunOnASmallerPoolCreatesEverything() throws Exception {
        Path file = dir.resolve("actions.json");
        Files.writeString(file, Files.readString(file).replace("\"Sequential\"", "\"Parallel\""));
        runOk("actions.json", "drop", "--pool", "2");
        runOk("actions.json", "create", "--pool", "2");
        runOk("actions.json", "load", "--pool", "2");
        assertEquals(3, count("t_customers"));
        assertEquals(3, count("t_orders"));
        assertTrue(tableExists("t_totals"));
    }

    @Test
    void parallelWithAStartingTableRunsOnlyThatEntry() throws Exception {
        Path file = dir.resolve("actions.json");
        Files.writeString(file, Files.readString(file).replace("\"Sequential\"", "\"Parallel\""));
        runOk("actions.json", "drop");
        runOk("actions.json", "create", "t_orders");
        assertTrue(tableExists("t_orders"));
        assertFalse(tableExists("t_customers"));
        assertFalse(tableExists("t_totals"));
    }

    @Test
    void sequentialStartsAtTheStartingTable() throws Exception {
        runOk("actions.json", "drop");
        runOk("actions.json", "create", "t_orders");
        assertFalse(tableExists("t_customers"));
        assertTrue(tableExists("t_orders"));
        assertTrue(tableExists("t_totals"));
    }

    @Test
    void stopRollsBackTheFailedScriptAndRunsNothingAfterIt() throws Exception {
        setUpTables();
        writeFailures("\"AnyOther\": [\"Stop\"]");
        CliRun result = run("failures.json", "fail");
        assertEquals(1, result.exit(), result.all());
        assertEquals(List.of(1, 2, 3), orderIds(), "the two inserts before the failure were rolled back");
        assertFalse(tableExists("t_marker"), "nothing runs after a Stop");
        String notified = Files.readString(dir.resolve("out/notify.txt"));
        assertTrue(notified.startsWith("notified broken: ") && notified.toLowerCase().contains("no_such_table"), notified);
        assertTrue(result.out().contains("OnError AnyOther, attempt 1: Stop"), result.out());
    }

    @Test
    void ignoreCountsAsSuccessAndGoesOn() throws Exception {
        setUpTables();
        writeFailures("\"" + missingTableKey() + "\": [\"Ignore\"], \"AnyOther\": [\"Stop\"]");
        CliRun result = run("failures.json", "fail");
        assertEquals(0, result.exit(), result.all());
        assertEquals(List.of(1, 2, 3), orderIds());
        assertTrue(tableExists("t_marker"));
        assertFalse(Files.exists(dir.resolve("out/notify.txt")), "an ignored failure sends no notification");
    }

    @Test
    void aCommandAnswerRunsWithTheErrorAndStillFails() throws Exception {
        setUpTables();
        writeFailures("\"AnyOther\": [\"cat > out/command.txt <<'END'\\n#table_name# #action# #error#\\nEND\"]");
        CliRun result = run("failures.json", "fail");
        assertEquals(1, result.exit(), result.all());
        String command = Files.readString(dir.resolve("out/command.txt"));
        assertTrue(command.startsWith("broken fail ") && command.toLowerCase().contains("no_such_table"), command);
        assertTrue(Files.exists(dir.resolve("out/notify.txt")));
        assertFalse(tableExists("t_marker"));
    }

    @Test
    void theAttemptNumberPicksTheAnswerAndRunsOutIntoStop() throws Exception {
        setUpTables();
        writeFailures("\"AnyOther\": [\"Ignore\", \"Ignore\"]");
        assertEquals(0, run("failures.json", "fail", "", "2").exit());
        writeFailures("\"AnyOther\": [\"Ignore\", \"Ignore\"]");
        CliRun third = run("failures.json", "fail", "broken", "3");
        assertEquals(1, third.exit(), third.all());
        assertTrue(third.out().contains("no answer for attempt 3"), third.out());
    }

    @Test
    void aProcedureNamedByItsFileIsCalled() throws Exception {
        setUpTables();
        runOk("actions.json", "proc");
        runOk("actions.json", "call");
        if (proceduresWrite()) {
            assertEquals(List.of(3), ints("select orders from t_totals"));
        }
    }

    @Test
    void copyLoadsAllRowsOrNone() throws Exception {
        runOk("actions.json", "drop");
        runOk("actions.json", "create");
        CliRun copy = runOk("actions.json", "copy");
        assertTrue(copy.out().contains("3 rows"), copy.out());
        assertEquals(List.of(1, 2, 3), ints("select id from t_people order by id"));
        assertEquals(List.of(2), ints("select count(score) from t_people"));
        assertEquals(List.of(2), ints("select count(joined) from t_people"));
        assertEquals(List.of(1), ints("select count(*) from t_people where name = 'O\"Brien' and score is null"));
        assertEquals(List.of(1), ints("select count(*) from t_people where name = 'Smith, Ann' and score = 1.5"));
        CliRun bad = run("actions.json", "copybad");
        assertEquals(1, bad.exit(), bad.all());
        assertEquals(List.of(1, 2, 3), ints("select id from t_people order by id"), "a bad row loads nothing");
    }

    @Test
    void copyReadsFilesWithCrlfLineEnds() throws Exception {
        runOk("actions.json", "drop");
        runOk("actions.json", "create");
        runOk("actions.json", "copycrlf");
        assertEquals(List.of(1, 2, 3), ints("select id from t_people order by id"));
        assertEquals(List.of(1), ints("select count(*) from t_people where name = 'plain' and joined is null"));
        assertEquals(List.of(1), ints("select count(*) from t_people where score is null"));
    }

    /** An OnError key matching this engine's error for a missing table no_such_table (Snowflake upper-cases names). */
    String missingTableKey() {
        return "no_such_table";
    }

    /** A column's name as the engine reports it for an unquoted identifier (Snowflake upper-cases it). */
    String reported(String column) {
        return column;
    }

    /** The column type of a microsecond timestamp on this engine. */
    String timestampType() {
        return engine().equals("mysql") ? "datetime(6)" : "timestamp";
    }

    /**
     * An incremental extract returns each row exactly once over several runs, even when a thousand
     * rows share one timestamp and more arrive between runs; a run with nothing new writes no file
     * and leaves the watermark alone; the JSON lines keep microseconds, NULLs and quotes.
     */
    @Test
    void anIncrementalExtractReturnsEachRowExactlyOnce() throws Exception {
        Files.writeString(dir.resolve("inc_create.sql"), "create table t_events (updated_at " + timestampType()
                + ", id integer, name varchar(40));");
        StringBuilder rows = new StringBuilder("insert into t_events values ");
        for (int i = 1; i <= 1000; i++) {
            rows.append(i == 1 ? "" : ", ").append("('2026-01-01 00:00:00.123456', ").append(i).append(", ")
                    .append(i == 7 ? "null" : "'row \"" + i + "\"'").append(")");
        }
        Files.writeString(dir.resolve("inc_first.sql"), rows + ";");
        StringBuilder more = new StringBuilder("insert into t_events values ");
        for (int i = 1001; i <= 1500; i++) {
            more.append(i == 1001 ? "" : ", ").append("('2026-01-01 00:00:00.123456', ").append(i).append(", 'later')");
        }
        Files.writeString(dir.resolve("inc_more.sql"), more + ";");
        Files.writeString(dir.resolve("inc_query.sql"), "select updated_at, id, name from t_events");
        Files.writeString(dir.resolve("inc.json"), "{\"Tables\": [{\"name\": \"events\", \"scripts\": {"
                + "\"create\": \"inc_create.sql\", \"first\": \"inc_first.sql\", \"more\": \"inc_more.sql\","
                + " \"extract\": {\"file\": \"inc_query.sql\", \"format\": \"jsonl\","
                + " \"tofile\": \"lake/events_#run_id#.jsonl\", \"incremental\": {\"columns\": [\"updated_at\", \"id\"]}}}}]}");
        runOk("inc.json", "create");
        runOk("inc.json", "first");
        runOk("inc.json", "extract");
        runOk("inc.json", "more");
        runOk("inc.json", "extract");
        CliRun nothing = runOk("inc.json", "extract");
        assertTrue(nothing.out().contains("no new rows after 2026-01-01 00:00:00.123456, 1500; no file written"), nothing.out());
        List<Path> files;
        try (var listed = Files.list(dir.resolve("lake"))) {
            files = listed.sorted().toList();
        }
        assertEquals(2, files.size(), files.toString());
        List<Long> ids = new ArrayList<>();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                var row = json.readTree(line);
                long id = row.path(reported("id")).asLong();
                ids.add(id);
                assertEquals("2026-01-01T00:00:00.123456", row.path(reported("updated_at")).asText(), line);
                if (id == 7) {
                    assertTrue(row.path(reported("name")).isNull(), line);
                } else if (id == 8) {
                    assertEquals("row \"8\"", row.path(reported("name")).asText(), line);
                }
            }
        }
        assertEquals(1500, ids.size());
        assertEquals(1500, ids.stream().distinct().count(), "each row once");
        CliRun show = CliRun.of("state", "-C", dir.toString(), "show", "inc.json", "events", "extract");
        assertTrue(show.out().contains("after (updated_at, id) = (2026-01-01 00:00:00.123456, 1500)"), show.all());
    }

    /** Parquet and JSON lines read back by DuckDB equal the source row by row: microseconds, NULLs, decimals, Unicode, quotes. */
    @Test
    void parquetAndJsonLinesRoundTrip() throws Exception {
        Files.writeString(dir.resolve("rt_create.sql"), "create table t_rt (ts " + timestampType() + ", id integer,"
                + " amount decimal(10,3), name varchar(40));\n"
                + "insert into t_rt values ('2026-03-29 01:59:59.999999', 1, 12.345, 'Zürich \"quoted\" ''single'''),"
                + " ('2026-03-29 03:00:00.000001', 2, null, null), ('2026-10-25 02:30:00.5', 3, -0.001, '東京, a,b');");
        Files.writeString(dir.resolve("rt_query.sql"), "select ts, id, amount, name from t_rt order by id");
        Files.writeString(dir.resolve("rt.json"), "{\"Tables\": [{\"name\": \"rt\", \"scripts\": {\"create\": \"rt_create.sql\","
                + " \"extract\": {\"file\": \"rt_query.sql\", \"format\": \"parquet\", \"tofile\": \"lake/rt.parquet\"}}},"
                + " {\"name\": \"rt_lines\", \"scripts\": {\"extract\": {\"file\": \"rt_query.sql\", \"format\": \"jsonl\","
                + " \"tofile\": \"lake/rt.jsonl\"}}}]}");
        runOk("rt.json", "create");
        runOk("rt.json", "extract");
        List<String> source = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select ts, id, amount, name from t_rt order by id")) {
            while (rows.next()) {
                source.add(rows.getTimestamp(1).toLocalDateTime() + "|" + rows.getInt(2) + "|" + rows.getBigDecimal(3)
                        + "|" + rows.getString(4));
            }
        }
        for (String read : List.of("read_parquet('" + dir.resolve("lake/rt.parquet") + "')",
                "read_json('" + dir.resolve("lake/rt.jsonl") + "', columns = {" + reported("ts") + ": 'TIMESTAMP', "
                        + reported("id") + ": 'INTEGER', " + reported("amount") + ": 'DECIMAL(10,3)', " + reported("name")
                        + ": 'VARCHAR'})")) {
            List<String> back = new ArrayList<>();
            try (Connection duck = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                    Statement statement = duck.createStatement();
                    ResultSet rows = statement.executeQuery("select ts, id, amount, name from " + read + " order by id")) {
                while (rows.next()) {
                    back.add(rows.getTimestamp(1).toLocalDateTime() + "|" + rows.getInt(2) + "|" + rows.getBigDecimal(3)
                            + "|" + rows.getString(4));
                }
            }
            assertEquals(source, back, read);
        }
    }

    /**
     * Avro partitioned by a column and a date, read back with the Avro library: the schema's types
     * (int, decimal(10,3), timestamp-micros, nullable unions), every row once with its microseconds,
     * NULLs and decimals, the folders Hive-escaped; the manifests list exactly the files. A run that
     * fails after the extract leaves files the next run of the same window replaces; a successful
     * run's files are never another run's to replace. Compressed JSON lines and CSV read back too.
     */
    @Test
    void avroPartitionedAndCompressedOutputsRoundTrip() throws Exception {
        Files.writeString(dir.resolve("lk_create.sql"), "create table t_lk (ts " + timestampType() + ", id integer,"
                + " amount decimal(10,3), name varchar(40), event varchar(20));\n"
                + "insert into t_lk values ('2019-06-01 15:00:00.000001', 1, 12.345, 'Zürich \"quoted\"', 'signup'),"
                + " ('2019-06-01 23:59:59.999999', 2, null, null, 'signup'), ('2019-06-02 00:00:00', 3, -0.001, '東京', 'a/b:c'),"
                + " ('2019-06-02 10:30:00.5', 4, 0, 'x', null), ('2019-06-01 12:00:00', 5, 99999.999, 'y', 'login');");
        Files.writeString(dir.resolve("lk_query.sql"), "select ts, id, amount, name, event from t_lk");
        Files.writeString(dir.resolve("lk_missing.sql"), "select * from no_such_table");
        String avro = "{\"file\": \"lk_query.sql\", \"format\": \"avro\", \"compression\": \"snappy\","
                + " \"tofile\": \"lake/events\", \"partition_by\": [\"" + reported("event") + "\", \"date(" + reported("ts") + ")\"]}";
        Files.writeString(dir.resolve("lk.json"), "{\"Tables\": [{\"name\": \"lk\", \"scripts\": {\"create\": \"lk_create.sql\","
                + " \"extract\": " + avro + "}},"
                + " {\"name\": \"lines\", \"scripts\": {\"extract\": {\"file\": \"lk_query.sql\", \"format\": \"jsonl\","
                + " \"compression\": \"zstd\", \"tofile\": \"lake/lk.jsonl\"}}},"
                + " {\"name\": \"csv\", \"scripts\": {\"extract\": {\"file\": \"lk_query.sql\", \"compression\": \"gzip\","
                + " \"tofile\": \"lake/lk.csv\"}}}, {\"name\": \"plain\", \"scripts\": {\"extract\": {\"file\": \"lk_query.sql\","
                + " \"tofile\": \"lake/plain.csv\"}}}]}");
        Files.writeString(dir.resolve("lk_fail.json"), "{\"Tables\": [{\"name\": \"lk\", \"scripts\": {\"extract\": "
                + avro + "}}, {\"name\": \"missing\", \"scripts\": {\"extract\": \"lk_missing.sql\"}}]}");
        runOk("lk.json", "create");
        runOk("lk.json", "extract");
        List<String> source = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select ts, id, amount, name, event from t_lk order by id")) {
            while (rows.next()) {
                source.add(rows.getTimestamp(1).toLocalDateTime() + "|" + rows.getInt(2) + "|" + rows.getBigDecimal(3)
                        + "|" + rows.getString(4) + "|" + rows.getString(5));
            }
        }
        Path lake = dir.resolve("lake/events");
        String e = reported("event");
        String d = "date";
        assertEquals(List.of(e + "=__HIVE_DEFAULT_PARTITION__/" + d + "=2019-06-02", e + "=a%2Fb%3Ac/" + d + "=2019-06-02",
                e + "=login/" + d + "=2019-06-01", e + "=signup/" + d + "=2019-06-01"), io.dataload.output.LakeFiles.partitions(lake));
        assertEquals(source, io.dataload.output.LakeFiles.avroRows(lake, reported("ts"), reported("id"), reported("amount"), reported("name"),
                reported("event")));
        org.apache.avro.Schema schema = io.dataload.output.LakeFiles.avroSchema(lake);
        assertEquals("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":10,\"scale\":3}",
                io.dataload.output.LakeFiles.nonNull(schema.getField(reported("amount")).schema()).toString());
        assertEquals("timestamp-micros", io.dataload.output.LakeFiles.nonNull(schema.getField(reported("ts")).schema()).getLogicalType().getName());
        // Snowflake's INTEGER is NUMBER(38,0), which its driver reports as a BIGINT
        assertEquals(engine().equals("snowflake") ? org.apache.avro.Schema.Type.LONG : org.apache.avro.Schema.Type.INT,
                io.dataload.output.LakeFiles.nonNull(schema.getField(reported("id")).schema()).getType());
        assertEquals("snappy", io.dataload.output.LakeFiles.avroCodec(lake));
        // the compressed files are the plain ones compressed
        byte[] plain = Files.readAllBytes(dir.resolve("lake/plain.csv"));
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(dir.resolve("lake/lk.csv.gz")))) {
            assertArrayEquals(plain, in.readAllBytes());
        }
        try (var in = new com.github.luben.zstd.ZstdInputStream(Files.newInputStream(dir.resolve("lake/lk.jsonl.zst")))) {
            assertEquals(source.size(), new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().count());
        }

        // a run failing after its extract: its files are replaced by the next run of the same window, not doubled
        Files.walk(lake).filter(p -> p.getFileName().toString().startsWith("part-")).forEach(p -> p.toFile().delete());
        Files.walk(lake).filter(p -> p.getFileName().toString().equals(io.dataload.output.Manifest.NAME)).forEach(p -> p.toFile().delete());
        assertEquals(1, run("lk_fail.json", "extract").exit());
        List<String> first = io.dataload.output.LakeFiles.dataFiles(lake);
        assertEquals(4, first.size(), first.toString());
        assertEquals(1, run("lk_fail.json", "extract").exit());
        List<String> second = io.dataload.output.LakeFiles.dataFiles(lake);
        assertEquals(4, second.size(), second.toString());
        assertTrue(java.util.Collections.disjoint(first, second), "the failed run's files were replaced: " + first + " " + second);
        assertEquals(source, io.dataload.output.LakeFiles.avroRows(lake, reported("ts"), reported("id"), reported("amount"), reported("name"),
                reported("event")));
        // a successful run's files stay when another run extracts (a full extract's files add up)
        Files.writeString(dir.resolve("lk_only.json"), "{\"Tables\": [{\"name\": \"lk\", \"scripts\": {\"extract\": "
                + avro + "}}]}");
        runOk("lk_only.json", "extract");
        runOk("lk_only.json", "extract");
        assertEquals(8, io.dataload.output.LakeFiles.dataFiles(lake).size());
        assertEquals(2 * source.size(), io.dataload.output.LakeFiles.avroRows(lake, reported("ts"), reported("id"), reported("amount"),
                reported("name"), reported("event")).size());
    }

    private void writeFailures(String policy) throws IOException {
        try (InputStream in = EngineContract.class.getResourceAsStream(RESOURCES + "failures.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("failures.json"), text.replace("@POLICY@", policy));
        }
    }

    private List<Integer> orderIds() throws SQLException {
        return ints("select id from t_orders order by id");
    }

    long count(String table) throws SQLException {
        return ints("select count(*) from " + table).get(0);
    }

    List<Integer> ints(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<Integer> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getInt(1));
            }
            return values;
        }
    }

    boolean tableExists(String table) throws SQLException {
        try (Connection connection = connect()) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), table, null)) {
                return tables.next();
            }
        }
    }
}
