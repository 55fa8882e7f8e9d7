package io.dataload.cli;

import io.dataload.plan.CheckedRequest;
import io.dataload.plan.FrontDoor;
import io.dataload.plan.RunRequest;
import io.dataload.queue.QueueException;
import io.dataload.queue.RunQueue;
import io.dataload.record.SecretMasker;
import io.dataload.state.Leases;
import io.dataload.state.RunId;
import io.dataload.state.StateException;
import io.dataload.state.StateStore;
import io.dataload.trigger.RunMessage;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dataload submit --queue URL [RUN OPTIONS] ACTIONS.json ACTION [TABLE [ATTEMPT]]}: a run request for the workers. */
@Command(name = "submit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Puts a run request on a queue for the workers (dataload worker) and prints its run id.",
            "The request is checked here first, as run checks it. Paths are read by the workers from the same "
                + "folder: a path they all see. --wait waits for the outcome (in the shared run history) and exits "
                + "with the run's exit code. Keep secrets in resource files or the workers' environment: a -P value "
                + "travels in the message."})
public final class SubmitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--queue", paramLabel = "URL", required = true,
            description = "An SQS queue URL, or amqp://USER:PASS@HOST:PORT/VHOST?queue=NAME (RabbitMQ; queue dataload.runs when none is named).")
    String queue;

    @Mixin
    InputOptions inputOptions;

    @Mixin
    TargetArguments target;

    @Option(names = "--db", paramLabel = "DATABASE", description = "As for run.")
    String database;

    @Option(names = "--pool", paramLabel = "N", description = "As for run.")
    Integer pool;

    @Option(names = "--log-dir", paramLabel = "DIR", defaultValue = "logs", description = "As for run (default: ${DEFAULT-VALUE}).")
    String logDir;

    @Option(names = "--state", paramLabel = "URL",
            description = "The run history the workers share (a PostgreSQL URL; default $DATALOAD_STATE): --wait reads the outcome there.")
    String state;

    @Option(names = "--wait", description = "Wait for the run's outcome and exit with its exit code.")
    boolean waitForIt;

    @Override
    public Integer call() throws Exception {
        PrintWriterPair io = new PrintWriterPair(spec);
        if (!queue.matches("(?i)(amqps?|https?)://.+")) {
            return io.usage("--queue must be an SQS queue URL (https://sqs.REGION.amazonaws.com/ACCOUNT/NAME) or"
                    + " amqp://USER:PASS@HOST:PORT/VHOST?queue=NAME, found " + SecretMasker.none().mask(queue));
        }
        RunRequest request = new RunRequest("dataload", "worker", inputOptions.workDir(), inputOptions.resources,
                target.actionFile, target.action, target.startingTable, target.attempt, inputOptions.params.params, database,
                pool, logDir, false, spec.commandLine().getParseResult().originalArgs());
        // checked as a worker will run it: with #request_id#, the id the worker passes
        java.util.Map<String, String> withId = new java.util.LinkedHashMap<>(request.params());
        withId.putIfAbsent("request_id", "01AAAAAAAAAAAAAAAAAAAAAAAA");
        CheckedRequest checked = FrontDoor.check(request.withParams(withId));
        if (io.checked(checked) != ExitCodes.SUCCESS) {
            return ExitCodes.BAD_INPUT;
        }
        String storeUrl = state != null ? state : System.getenv(StateStore.ENVIRONMENT);
        if (waitForIt && (storeUrl == null || storeUrl.isBlank())) {
            return io.usage("--wait reads the outcome in the run history the workers share: give --state URL or set "
                    + StateStore.ENVIRONMENT);
        }
        String id = RunId.next(System.currentTimeMillis());
        String by = System.getProperty("user.name") + "@" + java.net.InetAddress.getLocalHost().getHostName();
        try (RunQueue runs = RunQueue.open(queue, checked.resources().values().get("Region"))) {
            runs.send(new RunMessage(id, request, by, System.currentTimeMillis()).toJson());
        } catch (QueueException e) {
            return io.failed(e.getMessage());
        }
        io.out().println(id);
        io.out().flush();
        return waitForIt ? await(io, storeUrl, id) : ExitCodes.SUCCESS;
    }

    /** Polls the shared store until the request has ended; its exit code. */
    private int await(PrintWriterPair io, String storeUrl, String id) throws InterruptedException {
        try (StateStore store = StateStore.open(storeUrl)) {
            Leases leases = new Leases(store);
            String shown = null;
            while (true) {
                Leases.Status status = leases.status(id);
                String now = status == null ? "waiting for a worker" : status.state().equals("running")
                        ? "running on " + status.worker() + " as run " + status.runId() : status.state();
                if (!now.equals(shown)) {
                    io.err().println(HistoryCommand.TIME.format(java.time.Instant.now()) + " request " + id + ": " + now);
                    io.err().flush();
                    shown = now;
                }
                if (status != null && !status.state().equals("running")) {
                    io.out().println("run " + status.runId() + ": " + status.outcome());
                    io.out().flush();
                    return status.exitCode() == null ? ExitCodes.ACTION_FAILED : status.exitCode();
                }
                Thread.sleep(500);
            }
        } catch (StateException | SQLException e) {
            return io.failed("cannot read the outcome of " + id + ": " + e.getMessage());
        }
    }
}
