package io.dataload.execute;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.dataload.cli.CliRun;
import io.dataload.notify.NotificationSender;
import io.dataload.plan.CheckedRequest;
import io.dataload.plan.FrontDoor;
import io.dataload.plan.RunRequest;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.BeforeEach;

/** The engine contract on a local server, each test in a namespace (schema or database) of its own. */
abstract class ServerContract extends EngineContract {
    private String namespace;

    /** The URL of the server's existing test database. */
    abstract String adminUrl();

    /** The server's name for skip messages. */
    abstract String serverName();

    /** "schema" or "database": what {@code create X name} makes. */
    abstract String namespaceKind();

    /** The URL of a connection working in {@code namespace}. */
    abstract String urlFor(String namespace);

    /** A statement that keeps the server busy for the given seconds. */
    abstract String sleep(int seconds);

    /**
     * A timeout stops the running statement on the server and nothing of the action commits —
     * not even the statements after the stopped one (MariaDB's sleep() returns normally when killed).
     */
    @Test
    void aStatementPastItsTimeoutIsStoppedAndNothingCommits() throws Exception {
        execute("create table t_stop (i int)");
        Files.writeString(dir.resolve("slow.sql"), "insert into t_stop values (1);\n" + sleep(30)
                + ";\ninsert into t_stop values (2);\n");
        Files.writeString(dir.resolve("stop.json"), "{\"Tables\": [{\"name\": \"t\", \"scripts\": {\"load\":"
                + " {\"file\": \"slow.sql\", \"timeout\": \"1s\"}}}]}");
        long start = System.nanoTime();
        CliRun run = run("stop.json", "load");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains(": timeout"), run.out());
        assertTrue(seconds < 10, "stopped after " + seconds + " s, not waited out");
        Thread.sleep(500);
        assertEquals(0, count("t_stop"), "nothing of the stopped action is committed");
    }

    /** A statement waiting for another session's lock is stopped by its timeout too. */
    @Test
    void aStatementWaitingForALockIsStoppedByItsTimeout() throws Exception {
        execute("create table t_stop (i int)");
        execute("create table t_locked (i int)");
        execute("insert into t_locked values (1)");
        Files.writeString(dir.resolve("wait.sql"), "insert into t_stop values (1);\nupdate t_locked set i = 3;\n");
        Files.writeString(dir.resolve("wait.json"), "{\"Tables\": [{\"name\": \"t\", \"scripts\": {\"load\":"
                + " {\"file\": \"wait.sql\", \"timeout\": \"1s\"}}}]}");
        try (Connection holder = connect(); Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.executeUpdate("update t_locked set i = 2");
            long start = System.nanoTime();
            CliRun run = run("wait.json", "load");
            double seconds = (System.nanoTime() - start) / 1e9;
            holder.rollback();
            assertEquals(1, run.exit(), run.all());
            assertTrue(seconds < 10, "stopped after " + seconds + " s");
        }
        Thread.sleep(500);
        assertEquals(0, count("t_stop"));
        assertEquals(List.of(1), ints("select i from t_locked"));
    }

    /** SIGTERM (the session's TERMINATE) stops the running statement; the rest of the script never commits. */
    @Test
    void aTerminatedRunStopsTheStatementAndCommitsNothing() throws Exception {
        execute("create table t_stop (i int)");
        Files.writeString(dir.resolve("slow.sql"), "insert into t_stop values (1);\n" + sleep(30)
                + ";\ninsert into t_stop values (8);\n");
        Files.writeString(dir.resolve("term.json"), "{\"Tables\": [{\"name\": \"t\", \"scripts\": {\"load\": \"slow.sql\"}}]}");
        CheckedRequest checked = FrontDoor.check(RunRequest.of(dir, "term.json", "load").withDatabase(url()));
        assertTrue(checked.valid(), checked.problems().toString());
        RunSession session = new RunSession(record -> { }, Map.of(), region -> NotificationSender.standard(() -> null));
        CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                return;
            }
            session.interrupt(Interruption.Stop.TERMINATE);
        });
        long start = System.nanoTime();
        RunReport report = session.run(checked);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(RunReport.Status.INTERRUPTED, report.status());
        assertTrue(seconds < 10, "stopped after " + seconds + " s");
        Thread.sleep(500);
        assertEquals(0, count("t_stop"), "the insert after the stopped statement did not commit");
    }

    /** A failure names its own statement and line, on MariaDB as on PostgreSQL. */
    @Test
    void aFailureNamesItsStatementAndLine() throws Exception {
        execute("create table t_stop (i int)");
        Files.writeString(dir.resolve("third.sql"), "insert into t_stop values (1);\n\ninsert into t_stop values (2);\n"
                + "-- the next one fails\nselect * from no_such_table;\ninsert into t_stop values (4);\n");
        Files.writeString(dir.resolve("third.json"), "{\"Tables\": [{\"name\": \"t\", \"scripts\": {\"load\": \"third.sql\"}}]}");
        CheckedRequest checked = FrontDoor.check(RunRequest.of(dir, "third.json", "load").withDatabase(url()));
        RunReport report = new RunSession(record -> { }, Map.of(), region -> NotificationSender.standard(() -> null))
                .run(checked);
        assertEquals(RunReport.Status.FAILED, report.status());
        io.dataload.record.Failure failure = report.entries().get(0).failure();
        assertEquals(3, failure.statement(), failure.toString());
        assertEquals(5, failure.line(), failure.toString());
        assertEquals(0, count("t_stop"));
    }

    /** A file mixing CRLF and LF is either loaded record for record or refused; never glued or with CRs kept. */
    @ParameterizedTest
    @ValueSource(strings = {"1,alpha\r\n2,beta\n3,gamma\n", "1,alpha\n2,beta\r\n3,gamma\n"})
    void aFileMixingLineEndingsIsLoadedCorrectlyOrNotAtAll(String data) throws Exception {
        execute("create table t_mixed (id int, name varchar(20))");
        Files.writeString(dir.resolve("mixed.csv"), data);
        Files.writeString(dir.resolve("mixed.json"), "{\"Tables\": [{\"name\": \"t_mixed\", \"scripts\": {\"load\":"
                + " {\"copy\": {\"from\": \"mixed.csv\", \"table\": \"t_mixed\"}}}}]}");
        CliRun run = run("mixed.json", "load");
        List<String> rows = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                java.sql.ResultSet result = statement.executeQuery("select id, name from t_mixed order by id")) {
            while (result.next()) {
                rows.add(result.getInt(1) + ":" + result.getString(2));
            }
        }
        if (run.exit() == 0) {
            assertEquals(List.of("1:alpha", "2:beta", "3:gamma"), rows, run.all());
        } else {
            assertEquals(List.of(), rows, run.all());
            assertTrue(run.out().contains("mixed.csv"), run.out());
        }
    }

    /** A -P value that could end the statement is warned about; #"key"# inserts it as a literal, harmlessly. */
    @Test
    void aParameterThatCouldInjectSqlIsWarnedAboutAndTheLiteralFormIsSafe() throws Exception {
        execute("create table victim (id int)");
        execute("insert into victim values (1)");
        Files.writeString(dir.resolve("raw.sql"), "select count(*) from victim where cast(id as char(20)) = '#id#';");
        Files.writeString(dir.resolve("lit.sql"), "select count(*) from victim where cast(id as char(20)) = #\"id\"#;");
        Files.writeString(dir.resolve("inj.json"), "{\"Tables\": [{\"name\": \"v\", \"scripts\": {"
                + "\"raw\": \"raw.sql\", \"lit\": \"lit.sql\"}}]}");
        String value = "1'; drop table victim; -- \\'";
        CliRun plan = CliRun.of("plan", "-C", dir.toString(), "--db", url(), "-P", "id=" + value, "inj.json", "raw");
        assertTrue(plan.all().contains("the -P value of #id# holds a ; , a quote or a comment start"), plan.all());
        CliRun safe = run("inj.json", "lit", "-P", "id=" + value);
        assertEquals(0, safe.exit(), safe.all());
        assertEquals(List.of(1), ints("select count(*) from victim"), "the table is still there");
    }

    /**
     * A row whose transaction started before the run but commits after the window's upper bound was
     * fixed is extracted by the next run: the lag keeps the bound behind such transactions.
     */
    @Test
    void aLateCommittingRowIsExtractedByTheNextRun() throws Exception {
        execute("create table t_late (updated_at " + timestampType() + ", id integer)");
        execute("insert into t_late values ('2026-01-01 00:00:00', 1)");
        Files.writeString(dir.resolve("late.sql"), "select updated_at, id from t_late");
        Files.writeString(dir.resolve("late.json"), "{\"Tables\": [{\"name\": \"late\", \"scripts\": {\"extract\":"
                + " {\"file\": \"late.sql\", \"format\": \"jsonl\", \"tofile\": \"lake/late_#run_id#.jsonl\","
                + " \"incremental\": {\"columns\": [\"updated_at\", \"id\"], \"lag\": \"3s\"}}}}]}");
        try (Connection writer = connect(); Statement statement = writer.createStatement()) {
            writer.setAutoCommit(false);
            // stamped now by the database's clock, committed only after the next extract has started
            statement.executeUpdate("insert into t_late values (" + (engine().equals("mysql") ? "now(6)" : "localtimestamp")
                    + ", 2)");
            runOk("late.json", "extract");
            writer.commit();
        }
        Thread.sleep(3500);
        runOk("late.json", "extract");
        List<String> ids = new ArrayList<>();
        try (var files = Files.list(dir.resolve("lake"))) {
            for (java.nio.file.Path file : files.sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    ids.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).path("id").asText());
                }
            }
        }
        assertEquals(List.of("1", "2"), ids.stream().sorted().toList(), "the late row is not lost: " + ids);
    }

    /** A column the incremental window names but the query does not return fails the run before any file is written. */
    @Test
    void anIncrementalColumnTheQueryDoesNotReturnIsNamed() throws Exception {
        execute("create table t_cols (a integer)");
        Files.writeString(dir.resolve("cols.sql"), "select a from t_cols");
        Files.writeString(dir.resolve("cols.json"), "{\"Tables\": [{\"name\": \"c\", \"scripts\": {\"extract\":"
                + " {\"file\": \"cols.sql\", \"tofile\": \"lake/c.csv\", \"incremental\": {\"columns\": [\"updated_at\"]}}}}]}");
        CliRun run = run("cols.json", "extract");
        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("incremental column \"updated_at\" is not among the query's columns: a"), run.out());
        assertTrue(!Files.exists(dir.resolve("lake/c.csv")));
    }

    /** An incremental CSV extract uses the engine's own export where it has one, and still returns each row once. */
    @Test
    void anIncrementalCsvExtractReturnsEachRowOnce() throws Exception {
        execute("create table t_csv (id integer, updated_at " + timestampType() + ")");
        execute("insert into t_csv values (1, '2026-01-01 00:00:00'), (2, '2026-01-01 00:00:00')");
        Files.writeString(dir.resolve("csv.sql"), "select id, updated_at from t_csv");
        Files.writeString(dir.resolve("csv.json"), "{\"Tables\": [{\"name\": \"c\", \"scripts\": {\"extract\":"
                + " {\"file\": \"csv.sql\", \"tofile\": \"lake/c_#run_id#.csv\", \"lineterminator\": \"\\n\","
                + " \"incremental\": {\"columns\": [\"updated_at\", \"id\"]}}}}]}");
        runOk("csv.json", "extract");
        execute("insert into t_csv values (3, '2026-01-01 00:00:00'), (0, '2026-01-02 00:00:00')");
        runOk("csv.json", "extract");
        runOk("csv.json", "extract");
        List<String> ids = new ArrayList<>();
        try (var files = Files.list(dir.resolve("lake"))) {
            for (java.nio.file.Path file : files.sorted().toList()) {
                Files.readAllLines(file).forEach(line -> ids.add(line.substring(0, line.indexOf(','))));
            }
        }
        assertEquals(List.of("0", "1", "2", "3"), ids.stream().sorted().toList(), ids.toString());
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @BeforeEach
    void createNamespace() throws SQLException {
        String name = "dl_it_" + Long.toHexString(System.nanoTime());
        try (Connection admin = LocalServers.require(adminUrl(), serverName());
                Statement statement = admin.createStatement()) {
            statement.execute("create " + namespaceKind() + " " + name);
        }
        namespace = name;
    }

    @AfterEach
    void dropNamespace() throws SQLException {
        if (namespace == null) {
            return;
        }
        try (Connection admin = DriverManager.getConnection(adminUrl());
                Statement statement = admin.createStatement()) {
            statement.execute("drop " + namespaceKind() + " if exists " + namespace
                    + ("schema".equals(namespaceKind()) ? " cascade" : ""));
        }
    }

    @Override
    String url() {
        return urlFor(namespace);
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }
}
