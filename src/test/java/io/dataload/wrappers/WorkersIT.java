package io.dataload.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.aws.ElasticMq;
import io.dataload.cli.CliRun;
import io.dataload.execute.LocalServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Workers as processes on a real queue (the local RabbitMQ broker, and SQS as ElasticMQ), sharing a
 * PostgreSQL run history: two workers, twenty submitted runs that each insert their request's id, one
 * worker killed with SIGKILL in the middle — every run ends ok, every id is in the table once, and the
 * killed worker's run shows as abandoned. Also: a run longer than the SQS visibility timeout runs once,
 * a message delivered twice runs once, a message that is not a request is recorded and dead-lettered,
 * and SIGTERM stops a worker with exit 143.
 */
class WorkersIT {
    private static final String DB = LocalServers.POSTGRES;
    @TempDir
    Path dir;
    private final String schema = "dl_workers_" + Long.toHexString(System.nanoTime());
    private final String table = schema + "_seen";
    private final List<Process> workers = new ArrayList<>();
    private String state;

    @BeforeEach
    void setUp() throws Exception {
        LocalServers.require("postgres").close();
        state = DB + "&currentSchema=" + schema;
        execute("create table " + table + " (id varchar(26))");
        Files.writeString(dir.resolve("ins.sql"), "select pg_sleep(#seconds#);\n"
                + "insert into " + table + " select '#request_id#' where not exists (select 1 from " + table
                + " where id = '#request_id#');\n");
        // a run still going after 5 s has missed its sla: the handler notes the request, once
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"t\", \"scripts\": {\"load\": \"ins.sql\"}}],"
                + " \"sla\": \"5s\", \"OnSlaMiss\": {\"command\": \"echo '#request_id#' >> sla_missed.txt\"}}");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Process worker : workers) {
            worker.destroyForcibly();
        }
        execute("drop table if exists " + table);
        execute("drop schema if exists " + schema + " cascade");
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(DB); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> strings(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(DB); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private Process worker(String queue, Map<String, String> env, String name, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of("bin/dataload").toAbsolutePath().toString(), "worker",
                "--queue", queue, "--state", state, "--concurrency", "2", "--lease", "4s", "--grace", "1s"));
        command.addAll(List.of(more));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        workers.add(process);
        return process;
    }

    private String output(String name) throws Exception {
        Path file = dir.resolve(name + ".out");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private String submit(String queue, String seconds) {
        CliRun run = CliRun.of("submit", "--queue", queue, "-C", dir.toString(), "--db", DB, "-P", "seconds=" + seconds,
                "a.json", "load");
        assertEquals(0, run.exit(), run.all());
        return run.out().strip();
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> condition, int seconds, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline && !condition.call()) {
            Thread.sleep(200);
        }
        assertTrue(condition.call(), what + "\nworker a:\n" + output("a") + "\nworker b:\n" + output("b"));
    }

    private int completed() throws Exception {
        return Integer.parseInt(strings("select count(*) from " + schema + ".leases where state = 'completed'").get(0));
    }

    /** Two workers, twenty runs, one worker killed with SIGKILL mid-run: each run once, the killed one abandoned. */
    private void twentyRunsOneWorkerKilled(String queue, Map<String, String> env) throws Exception {
        Process a = worker(queue, env, "a");
        worker(queue, env, "b");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(submit(queue, "0.7"));
        }
        waitFor(() -> output("a").contains(" started"), 60, "worker a starts a run");
        assertEquals(0, new ProcessBuilder("kill", "-9", String.valueOf(a.pid())).start().waitFor());
        waitFor(() -> completed() == 20, 120, "all 20 requests complete");
        assertEquals(List.of("20"), strings("select count(*) from " + schema + ".leases where outcome = 'succeeded'"));
        List<String> inserted = strings("select id from " + table + " order by id");
        assertEquals(20, inserted.size(), "each run once: " + inserted);
        assertEquals(new HashSet<>(ids), new HashSet<>(inserted));
        List<String> abandoned = strings("select run_id from " + schema + ".runs where outcome = 'abandoned'");
        assertTrue(!abandoned.isEmpty(), "the killed worker's run is abandoned");
        CliRun history = CliRun.of("history", "--state", state, "--status", "abandoned");
        assertTrue(history.out().contains(abandoned.get(0)) && history.out().contains("WORKER"), history.out());
        assertEquals(List.of("20"), strings("select count(distinct request_id) from " + schema + ".runs"
                + " where outcome = 'succeeded'"));
    }

    @Test
    void onRabbitMq() throws Exception {
        String queue = "amqp://guest:guest@127.0.0.1:5672/%2F?queue=" + schema;
        requireBroker();
        twentyRunsOneWorkerKilled(queue, Map.of());

        // the same message twice: one run
        String once = submit(queue, "0");
        waitFor(() -> completed() == 21, 60, "the request completes");
        resend(queue, once);
        Thread.sleep(3000);
        assertEquals(List.of("1"), strings("select count(*) from " + schema + ".runs where request_id = '" + once + "'"));
        assertTrue(output("b").contains("request " + once + ": request " + once + " is completed already; this delivery"
                + " is dropped"), output("b"));

        // not a request: recorded as failed, to the dead-letter queue; the worker goes on
        publish(queue, "hello");
        waitFor(() -> output("b").contains("a message that is not a run request"), 30, "the bad message is seen");
        assertEquals(List.of("failed"), strings("select outcome from " + schema + ".runs where action_file ="
                + " '(not a run request)'"));
        String last = submit(queue, "0");
        waitFor(() -> completed() == 22, 60, "the worker still runs requests: " + last);
        int exit = terminate(workers.get(1));
        assertEquals(143, exit);
    }

    @Test
    void onSqs() throws Exception {
        try (ElasticMq mq = new ElasticMq(); SqsClient sqs = mq.client()) {
            System.setProperty("aws.accessKeyId", "x");
            System.setProperty("aws.secretAccessKey", "x");
            System.setProperty("aws.region", "eu-west-1");
            String queue = sqs.createQueue(r -> r.queueName(schema).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT,
                    "3"))).queueUrl();
            Map<String, String> env = Map.of("AWS_ENDPOINT_URL_SQS", mq.url(), "AWS_REGION", "eu-west-1",
                    "AWS_ACCESS_KEY_ID", "x", "AWS_SECRET_ACCESS_KEY", "x");
            twentyRunsOneWorkerKilled(queue, env);

            // a run three times as long as the visibility timeout: its message stays hidden, it runs once
            String slow = submit(queue, "9");
            waitFor(() -> completed() == 21, 60, "the slow request completes");
            assertEquals(List.of("1"), strings("select count(*) from " + schema + ".runs where request_id = '" + slow
                    + "'"), "one run, none abandoned");
            assertEquals(List.of("1"), strings("select count(*) from " + table + " where id = '" + slow + "'"));
            // the slow run missed its 5 s sla once (the twenty short ones never): handler run once, recorded once
            assertEquals(List.of(slow), Files.readAllLines(dir.resolve("sla_missed.txt")));
            assertEquals(List.of("1"), strings("select count(*) from " + schema + ".sla_misses m join " + schema
                    + ".runs r on r.run_id = m.run_id where r.request_id = '" + slow + "' and m.scope = ''"));
            assertEquals(List.of("1"), strings("select count(*) from " + schema + ".sla_misses"));
            assertEquals(List.of(), sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(1)).messages(),
                    "the queue is empty");
            assertEquals(143, terminate(workers.get(1)));
        } finally {
            for (String name : List.of("aws.accessKeyId", "aws.secretAccessKey", "aws.region")) {
                System.clearProperty(name);
            }
        }
    }

    private static int terminate(Process process) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "it stops");
        return process.exitValue();
    }

    private static void requireBroker() {
        try (var socket = new java.net.Socket("127.0.0.1", 5672)) {
            socket.getPort();
        } catch (java.io.IOException e) {
            String reason = "RabbitMQ is not reachable at 127.0.0.1:5672; start it to run these tests";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                org.junit.jupiter.api.Assertions.fail("CI=true: " + reason);
            }
            org.junit.jupiter.api.Assumptions.abort(reason);
        }
    }

    /** Puts a message on the queue as it is, with the broker's own client. */
    private static void publish(String queue, String body) throws Exception {
        com.rabbitmq.client.ConnectionFactory factory = new com.rabbitmq.client.ConnectionFactory();
        factory.setUri(queue.substring(0, queue.indexOf('?')));
        try (com.rabbitmq.client.Connection connection = factory.newConnection();
                com.rabbitmq.client.Channel channel = connection.createChannel()) {
            channel.basicPublish("", queue.substring(queue.indexOf("queue=") + 6), null,
                    body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The request's message once more: what submit sent, rebuilt from the request id. */
    private void resend(String queue, String id) throws Exception {
        String json = "{\"dataload_run_request\": 1, \"request_id\": \"" + id + "\", \"work_dir\": \""
                + dir.toString().replace("\\", "\\\\") + "\", \"action_file\": \"a.json\", \"action\": \"load\","
                + " \"attempt\": 1, \"database\": \"" + DB + "\", \"params\": {\"seconds\": \"0\"}}";
        publish(queue, json);
    }
}
