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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code foreach}: an action run once per file, object or row, a bounded number at a time, each item
 * with the action's own OnError; the action succeeds only if every item did, and --resume runs only
 * the items not done.
 */
class FanoutIT {
    @TempDir
    Path dir;

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("-q", "--db", "jdbc:duckdb:fan.duckdb"));
        all.addAll(List.of(args));
        return CliRun.run(dir, all.toArray(String[]::new));
    }

    private List<String> strings(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("fan.duckdb"));
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /**
     * A foreach extract into partitions by a column its query does not return: exit 2 naming the
     * query's columns, nothing written, not retried, and no more items started than were under way.
     */
    @Test
    void aPartitionColumnTheQueryDoesNotReturnStopsTheFanOutWithExit2AndWritesNothing() throws Exception {
        Files.createDirectories(dir.resolve("in"));
        for (int i = 0; i < 40; i++) {
            Files.writeString(dir.resolve("in/e" + i + ".json"), "{\"event\": \"a\", \"n\": " + i + "}\n");
        }
        Files.writeString(dir.resolve("q.sql"), "select event, n from read_json('#item#', format = 'newline_delimited')");
        Files.writeString(dir.resolve("p.json"), "{\"Tables\": [{\"name\": \"e\", \"scripts\": {\"extract\": {"
                + "\"file\": \"q.sql\", \"foreach\": {\"files\": \"in/*.json\"}, \"concurrency\": 2, \"format\": \"avro\","
                + " \"partition_by\": [\"evnt\"], \"tofile\": \"lake\","
                + " \"OnError\": {\"AnyOther\": [{\"retry\": {\"after\": \"1s\"}}, \"Stop\"]}}}}]}");
        long started = System.nanoTime();
        CliRun run = run("p.json", "extract");
        assertEquals(2, run.exit(), run.all());
        assertTrue(run.all().contains("partition_by column \"evnt\" is not among the query's columns: event, n"), run.all());
        assertTrue(System.nanoTime() - started < 5_000_000_000L, "not retried, not run for every item");
        String listed = run.all().replaceAll("(?s).*items: (\\d+) listed, 0 done, 0 ignored, \\1 failed.*", "$1");
        assertTrue(Integer.parseInt(listed) <= 4, "stopped after the items under way: " + listed);
        assertTrue(run.all().contains("stopped listing items: a mistake in the action file"), run.all());
        assertTrue(!Files.exists(dir.resolve("lake")) || Files.walk(dir.resolve("lake")).noneMatch(Files::isRegularFile),
                "nothing written");
    }

    @Test
    void twoThousandFilesEightAtATimeEachOnceAndResumeRunsExactlyTheFailedOnes() throws Exception {
        Path landing = Files.createDirectories(dir.resolve("landing/2026/12"));
        for (int i = 0; i < 2000; i++) {
            Files.writeString(landing.resolve(String.format("e%04d.json", i)), i % 400 == 7 ? "fail" : "ok " + i);
        }
        Files.writeString(dir.resolve("create.sql"), "create table seen (name varchar, loaded_at timestamp default now());");
        // a file that says "fail" fails its item (DuckDB's error()); the others insert their name once
        Files.writeString(dir.resolve("item.sql"), "insert into seen (name) select #\"item.name\"# from read_text(#\"item\"#)"
                + " where case when content like 'fail%' then error('bad file ' || #\"item.relative\"#) else true end;");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"events\", \"scripts\": {"
                + "\"create\": \"create.sql\","
                + " \"load\": {\"file\": \"item.sql\", \"foreach\": {\"files\": \"landing/**/*.json\"}, \"concurrency\": 8}}}]}");
        assertEquals(0, run("a.json", "create").exit());
        CliRun first = run("a.json", "load");
        assertEquals(1, first.exit(), first.all());
        assertTrue(first.out().contains("items: 2000 listed, 1995 done, 0 ignored, 5 failed"), first.out());
        assertTrue(first.out().contains("failed: 5 of 2000 items failed: 2026/12/e0007.json (") , first.out());
        assertEquals(List.of("1995", "1995"), strings("select count(*) from seen union all select count(distinct name) from seen"));
        for (int i = 7; i < 2000; i += 400) {
            Files.writeString(landing.resolve(String.format("e%04d.json", i)), "fixed");
        }
        CliRun resumed = run("--resume", "a.json", "load");
        assertEquals(0, resumed.exit(), resumed.all());
        assertTrue(resumed.out().contains("1995 items done before are not run again (--resume)")
                && resumed.out().contains("items: 2000 listed, 5 done, 0 ignored, 0 failed, 1995 done before"), resumed.out());
        assertEquals(List.of("2000", "2000"), strings("select count(*) from seen union all select count(distinct name) from seen"),
                "every file once");
    }

    @Test
    void eachItemHasTheActionsOwnOnErrorAndAQueryGivesItsRowsAsItems() throws Exception {
        Files.writeString(dir.resolve("setup.sql"), "create table todo as select * from (values (1, 'alpha'), (2, 'beta'),"
                + " (3, 'gamma')) t(id, name);");
        // item 2 fails on its first two attempts, then succeeds: the action's retry answers apply per item
        Files.writeString(dir.resolve("item.sh"), "n=$(cat tries_#item.id# 2>/dev/null || echo 0); n=$((n + 1));"
                + " echo $n > tries_#item.id#\n"
                + "if [ #item.id# = 2 ] && [ $n -lt 3 ]; then echo 'not yet'; exit 1; fi\n"
                + "echo \"#item# #item.name# $n\" >> done.txt\n");
        Files.writeString(dir.resolve("q.json"), "{\"Tables\": [{\"name\": \"todo\", \"scripts\": {\"setup\": \"setup.sql\","
                + " \"exec\": {\"file\": \"item.sh\", \"foreach\": {\"query\": \"select id, name from todo order by id\"},"
                + " \"concurrency\": 2, \"OnError\": {\"not yet\": [{\"retry\": {\"after\": \"10ms\"}},"
                + " {\"retry\": {\"after\": \"10ms\"}}, \"Stop\"]}}}}]}");
        assertEquals(0, run("q.json", "setup").exit());
        CliRun work = run("q.json", "exec");
        assertEquals(0, work.exit(), work.all());
        assertEquals(List.of("1 alpha 1", "2 beta 3", "3 gamma 1"),
                Files.readAllLines(dir.resolve("done.txt")).stream().sorted().toList(), "item 2 on its third attempt");
    }

    /** An S3 listing is read a page at a time (ListObjectsV2 with continuation tokens); folder markers are no items. */
    @Test
    void theObjectsUnderAnS3PrefixAreItemsPageByPage() throws Exception {
        List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer s3 = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        s3.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            requests.add(exchange.getRequestURI().getPath() + "?" + query);
            boolean second = query.contains("continuation-token=page2");
            String keys = second ? "<Contents><Key>in/2026/c.json</Key><Size>7</Size></Contents>"
                    : "<Contents><Key>in/</Key><Size>0</Size></Contents><Contents><Key>in/a.json</Key><Size>5</Size></Contents>"
                    + "<Contents><Key>in/b b.json</Key><Size>6</Size></Contents>";
            byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/"
                    + "2006-03-01/\"><Name>lake</Name><Prefix>in/</Prefix><MaxKeys>1000</MaxKeys><IsTruncated>" + !second
                    + "</IsTruncated>" + (second ? "" : "<NextContinuationToken>page2</NextContinuationToken>") + keys
                    + "</ListBucketResult>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            exchange.sendResponseHeaders(query.contains("prefix=missing") ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        s3.start();
        System.setProperty("aws.endpointUrlS3", "http://127.0.0.1:" + s3.getAddress().getPort());
        System.setProperty("aws.accessKeyId", "x");
        System.setProperty("aws.secretAccessKey", "x");
        System.setProperty("aws.region", "eu-west-1");
        try {
            Files.writeString(dir.resolve("obj.sh"), "echo '#item# #item.key# #item.name# #item.size#' >> objects.txt\n");
            Files.writeString(dir.resolve("s.json"), "{\"Tables\": [{\"name\": \"objects\", \"scripts\": {\"exec\":"
                    + " {\"file\": \"obj.sh\", \"foreach\": {\"s3\": \"s3://lake/in/\"}}}}]}");
            CliRun run = run("s.json", "exec");
            assertEquals(0, run.exit(), run.all());
            assertEquals(List.of("s3://lake/in/a.json in/a.json a.json 5", "s3://lake/in/b b.json in/b b.json b b.json 6",
                    "s3://lake/in/2026/c.json in/2026/c.json c.json 7"), Files.readAllLines(dir.resolve("objects.txt")));
            assertEquals(2, requests.size(), "two pages: " + requests);
        } finally {
            s3.stop(0);
            for (String name : List.of("aws.endpointUrlS3", "aws.accessKeyId", "aws.secretAccessKey", "aws.region")) {
                System.clearProperty(name);
            }
        }
    }

    @Test
    void anEmptySourceSucceedsSayingSoAndAMissingFolderFailsWithTheReason() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        Files.writeString(dir.resolve("noop.sh"), "true\n");
        Files.writeString(dir.resolve("e.json"), "{\"Tables\": [{\"name\": \"none\", \"scripts\": {\"exec\": {\"file\": \"noop.sh\","
                + " \"foreach\": {\"files\": \"empty/*.csv\"}}}}, {\"name\": \"gone\", \"scripts\": {\"exec\":"
                + " {\"file\": \"noop.sh\", \"foreach\": {\"files\": \"nowhere/*.csv\"}}}}]}");
        CliRun run = run("e.json", "exec");
        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("no items in the files " + dir.resolve("empty/*.csv") + ": nothing to do"), run.out());
        assertTrue(run.out().contains("failed after ") && run.out().contains(": foreach files: cannot list the files "
                + dir.resolve("nowhere/*.csv") + ": folder " + dir.resolve("nowhere") + " not found"), run.out());
    }

    @Test
    void validateAndPlanShowTheFanOutAndBadForeachValuesAreFileLineErrors() throws Exception {
        Files.createDirectories(dir.resolve("in"));
        for (String name : List.of("a.csv", "b.csv", "c.csv", "d.csv", "x.txt")) {
            Files.writeString(dir.resolve("in").resolve(name), "1");
        }
        Files.writeString(dir.resolve("s.sql"), "select #\"item\"#, #item.whatever#");
        Files.writeString(dir.resolve("v.json"), "{\"Tables\": [{\"name\": \"t\", \"scripts\": {\"load\": {\"file\": \"s.sql\","
                + " \"foreach\": {\"files\": \"in/*.csv\"}, \"concurrency\": 3}}}]}");
        CliRun validate = CliRun.of("validate", "-C", dir.toString(), "v.json");
        assertEquals(0, validate.exit(), validate.all());
        assertEquals("v.json: ok (1 action checked: load)\n  v.json: t load: for each of the files " + dir.resolve("in/*.csv")
                + " (4 files now: a.csv, b.csv, c.csv, ...), 3 at a time\n", validate.out());
        Files.writeString(dir.resolve("bad.json"), "{\"Tables\": [{\"name\": \"t\", \"scripts\": {\n"
                + " \"a\": {\"file\": \"s.sql\", \"foreach\": {\"files\": \"in/*.csv\", \"query\": \"x\"}},\n"
                + " \"b\": {\"file\": \"s.sql\", \"foreach\": {\"file\": \"in/*\"}},\n"
                + " \"c\": {\"file\": \"s.sql\", \"foreach\": {\"s3\": \"bucket/x\"}, \"concurrency\": 0},\n"
                + " \"d\": {\"file\": \"s.sql\", \"concurrency\": 4},\n"
                + " \"e\": {\"file\": \"s.sql\", \"foreach\": {\"files\": \"#item#/*\"}}}}]}");
        CliRun bad = CliRun.of("validate", "-C", dir.toString(), "bad.json");
        assertEquals(2, bad.exit(), bad.all());
        assertEquals("bad.json:2:36: table \"t\": action \"a\": \"foreach\" must be one of {\"files\": \"landing/*.json\"},"
                + " {\"s3\": \"s3://bucket/prefix/\"} or {\"query\": \"select ...\"}, found an object with 2 keys\n"
                + "bad.json:3:45: table \"t\": action \"b\": \"foreach\": unknown source \"file\"; did you mean \"files\"?\n"
                + "bad.json:4:43: table \"t\": action \"c\": \"foreach\": \"s3\" must be an s3://bucket/prefix/ URL, found"
                + " \"bucket/x\"\n"
                + "bad.json:5:40: table \"t\": action \"d\": \"concurrency\" applies to \"foreach\": how many items run at once\n"
                + "bad.json:6:46: table \"t\": action \"e\": \"foreach\": the source cannot use #item#: it is what lists the items\n"
                + "dataload: 5 problems found; nothing was run.\n", bad.err());
    }
}
