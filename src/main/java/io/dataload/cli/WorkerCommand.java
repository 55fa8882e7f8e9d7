package io.dataload.cli;

import io.dataload.config.Retry;
import io.dataload.execute.Interruption;
import io.dataload.execute.RunSession;
import io.dataload.execute.SignalTrap;
import io.dataload.queue.QueueException;
import io.dataload.queue.RunQueue;
import io.dataload.record.SecretMasker;
import io.dataload.state.StateException;
import io.dataload.state.StateStore;
import io.dataload.trigger.Worker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dataload worker --queue URL --state URL}: runs the requests {@code submit} puts on a queue. */
@Command(name = "worker", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Takes run requests from a queue (SQS or RabbitMQ) and runs them, each exactly once across every "
                + "worker that shares the run history (a PostgreSQL store): a lease in the store, renewed while the run "
                + "goes; the message acknowledged only after the outcome is recorded; a run whose worker died is run "
                + "again. Until SIGTERM or Ctrl-C (exit 143 or 130): nothing new is taken, running runs get --grace, "
                + "then are interrupted and handed back."})
public final class WorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--queue", paramLabel = "URL", required = true,
            description = "An SQS queue URL, or amqp://USER:PASS@HOST:PORT/VHOST?queue=NAME (RabbitMQ; queue dataload.runs when none is named, declared durable when missing).")
    String queue;

    @Option(names = "--state", paramLabel = "URL", description = "The run history the workers share: a PostgreSQL URL (default: $DATALOAD_STATE).")
    String state;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "1", description = "Runs at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--lease", paramLabel = "DURATION", defaultValue = "60s",
            description = "How long a run's lease lasts unless renewed (every third of it): a dead worker's runs are taken again after it (default: ${DEFAULT-VALUE}).")
    String lease;

    @Option(names = "--max-deliveries", paramLabel = "N", defaultValue = "5",
            description = "Deliveries of a request without an outcome before it goes to the dead-letter queue (default: ${DEFAULT-VALUE}).")
    int maxDeliveries;

    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "60s",
            description = "On SIGTERM/Ctrl-C, how long running runs may go on before they are interrupted (default: ${DEFAULT-VALUE}).")
    String grace;

    @Option(names = {"-C", "--directory"}, paramLabel = "DIR",
            description = "Read every request's files from DIR instead of the folder it was submitted from (where the shared volume is mounted here).")
    Path directory;

    @Override
    public Integer call() throws Exception {
        PrintWriterPair io = new PrintWriterPair(spec);
        if (!queue.matches("(?i)(amqps?|https?)://.+")) {
            return io.usage("--queue must be an SQS queue URL (https://sqs.REGION.amazonaws.com/ACCOUNT/NAME) or"
                    + " amqp://USER:PASS@HOST:PORT/VHOST?queue=NAME, found " + SecretMasker.none().mask(queue));
        }
        Duration leaseTime = Retry.parseDuration(lease);
        Duration graceTime = Retry.parseDuration(grace);
        if (leaseTime == null || leaseTime.toMillis() < 1000) {
            return io.usage("--lease must be a duration of a second or more, such as 60s, found " + lease);
        }
        if (graceTime == null) {
            return io.usage("--grace must be a duration such as 60s, found " + grace);
        }
        if (concurrency < 1 || maxDeliveries < 1) {
            return io.usage("--concurrency and --max-deliveries must be 1 or more");
        }
        String storeUrl = state != null ? state : System.getenv(StateStore.ENVIRONMENT);
        if (storeUrl == null || storeUrl.isBlank()) {
            return io.usage("workers share their run history: give --state jdbc:postgresql://HOST/DB (or set "
                    + StateStore.ENVIRONMENT + ")");
        }
        try (StateStore store = StateStore.open(storeUrl); RunQueue runs = RunQueue.open(queue, null)) {
            Worker worker = new Worker(runs, store, storeUrl, new Worker.Settings(concurrency, leaseTime, maxDeliveries,
                    graceTime, directory == null ? null : directory.toAbsolutePath().normalize()),
                    () -> new RunSession(record -> { }), io.timestamped(), Clock.systemUTC());
            try (SignalTrap trap = SignalTrap.install(worker)) {
                io.timestamped().accept("worker " + worker.name() + " taking requests from " + runs.label() + " ("
                        + concurrency + " at once), run history " + store.label());
                worker.loop();
                worker.awaitRecorded(graceTime.toSeconds() + 30);
            }
            return worker.stopped() == Interruption.Stop.TERMINATE ? ExitCodes.TERMINATED : ExitCodes.INTERRUPTED;
        } catch (StateException e) {
            return io.failed(e.getMessage());
        } catch (QueueException e) {
            return io.failed(e.getMessage());
        }
    }
}
