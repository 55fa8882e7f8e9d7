package io.dataload.cli;

import io.dataload.config.Retry;
import io.dataload.execute.Interruption;
import io.dataload.execute.RunSession;
import io.dataload.execute.SignalTrap;
import io.dataload.plan.CheckedRequest;
import io.dataload.plan.FrontDoor;
import io.dataload.plan.RunRequest;
import io.dataload.state.StateException;
import io.dataload.state.StateStore;
import io.dataload.trigger.FolderSource;
import io.dataload.trigger.Source;
import io.dataload.trigger.SqsSource;
import io.dataload.trigger.Watcher;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dataload watch}: runs ACTION once per file arriving in a folder, or per S3 object an SQS queue announces. */
@Command(name = "watch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Runs ACTION of ACTIONS.json once per arriving file.",
            "Until SIGTERM or Ctrl-C (exit 143 or 130) it takes files in a folder (--dir), or S3 objects "
                + "announced through SQS (--sqs). The file reaches the actions as #file#, #file_name#, #bucket#, "
                + "#key#. Each file version runs once (a ledger in the run history); a file is archived only after "
                + "its run succeeded; a failed one stays, its failure recorded."})
public final class WatchCommand implements Callable<Integer> {

    static final class From {
        @Option(names = "--dir", paramLabel = "DIR", required = true, description = "Watch this folder (not its subfolders).")
        Path dir;

        @Option(names = "--sqs", paramLabel = "QUEUE_URL", required = true,
                description = "Take S3 event notifications (S3 or EventBridge format) from this SQS queue.")
        String sqs;
    }

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    From from;

    @Mixin
    InputOptions inputOptions;

    @Parameters(index = "0", paramLabel = "ACTIONS.json", description = "The action file.")
    String actionFile;

    @Parameters(index = "1", paramLabel = "ACTION", description = "The action to run for each file.")
    String action;

    @Option(names = "--pattern", paramLabel = "GLOB", defaultValue = "*", description = "With --dir: the files to take (default: ${DEFAULT-VALUE}).")
    String pattern;

    @Option(names = "--settle", paramLabel = "DURATION", defaultValue = "5s",
            description = "With --dir: a file is taken once its size has not changed for this long, or when NAME.done appears (default: ${DEFAULT-VALUE}).")
    String settle;

    @Option(names = "--archive", paramLabel = "DIR|s3://BUCKET/PREFIX/",
            description = "Move each file here after its run succeeded: a folder (with --dir) or an S3 prefix (with --sqs).")
    String archive;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "1", description = "Runs at once at most (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "1",
            description = "Runs of a failed file at most, over restarts (default: ${DEFAULT-VALUE}); SQS then leaves the message to the queue's dead-letter queue.")
    int maxAttempts;

    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "60s",
            description = "On SIGTERM/Ctrl-C, how long running runs may go on before they are interrupted (default: ${DEFAULT-VALUE}).")
    String grace;

    @Option(names = "--db", paramLabel = "DATABASE", description = "As for run.")
    String database;

    @Option(names = "--pool", paramLabel = "N", description = "As for run.")
    Integer pool;

    @Option(names = "--log-dir", paramLabel = "DIR", defaultValue = "logs", description = "As for run (default: ${DEFAULT-VALUE}).")
    String logDir;

    @Option(names = "--state", paramLabel = "URL", description = "As for run: the run history, which also holds the ledger.")
    String state;

    @Override
    public Integer call() throws Exception {
        PrintWriterPair io = new PrintWriterPair(spec);
        Duration settleTime = Retry.parseDuration(settle);
        Duration graceTime = Retry.parseDuration(grace);
        if (settleTime == null) {
            return io.usage("--settle must be a duration such as 5s, found " + settle);
        }
        if (graceTime == null) {
            return io.usage("--grace must be a duration such as 60s, found " + grace);
        }
        if (concurrency < 1 || maxAttempts < 1) {
            return io.usage("--concurrency and --max-attempts must be 1 or more");
        }
        Path workDir = inputOptions.workDir();
        RunRequest template = new RunRequest("dataload", "watch", workDir, inputOptions.resources, actionFile, action,
                null, 1, inputOptions.params.params, database, pool, logDir, false,
                spec.commandLine().getParseResult().originalArgs()).withState(state);
        // every check a run makes, before anything is taken, with the file's placeholders defined
        Map<String, String> sample = new LinkedHashMap<>(template.params());
        for (String key : new String[] {"file", "file_name", "bucket", "key"}) {
            sample.putIfAbsent(key, "x");
        }
        CheckedRequest checked = FrontDoor.check(template.withParams(sample));
        if (io.checked(checked) != ExitCodes.SUCCESS) {
            return ExitCodes.BAD_INPUT;
        }
        Source source;
        if (from.dir != null) {
            Path dir = workDir.resolve(from.dir);
            if (!Files.isDirectory(dir)) {
                return io.usage("--dir " + from.dir + ": not a folder");
            }
            if (archive != null && archive.startsWith("s3://")) {
                return io.usage("--archive s3://... goes with --sqs; a watched folder archives to a folder");
            }
            source = new FolderSource(dir, pattern, settleTime, archive == null ? null : workDir.resolve(archive),
                    Clock.systemUTC());
        } else {
            if (archive != null && !archive.startsWith("s3://")) {
                return io.usage("with --sqs, --archive is an S3 prefix: s3://BUCKET/PREFIX/");
            }
            source = new SqsSource(from.sqs, checked.resources().values().get("Region"), archive);
        }
        PrintWriter err = io.err();
        String url = StateStore.urlFor(state, System.getenv(), workDir.resolve(logDir));
        try (StateStore ledger = StateStore.open(url)) {
            Watcher watcher = new Watcher(source, template, ledger, () -> new RunSession(record -> { }),
                    io.timestamped(), concurrency, maxAttempts, graceTime, Clock.systemUTC());
            try (SignalTrap trap = SignalTrap.install(watcher)) {
                watcher.recover();
                err.println("watching " + source.name() + " for " + actionFile + " " + action + " (at most "
                        + concurrency + " at once)");
                err.flush();
                watcher.loop(Duration.ofSeconds(from.dir != null ? 1 : 20));
                watcher.awaitRecorded(graceTime.toSeconds() + 30);
            }
            return watcher.stopped() == Interruption.Stop.TERMINATE ? ExitCodes.TERMINATED : ExitCodes.INTERRUPTED;
        } catch (StateException | SQLException e) {
            return io.failed("the watch needs the run history for its ledger: " + e.getMessage());
        }
    }
}
