package io.dataload.cli;

import io.dataload.config.ActionFile;
import io.dataload.config.ConfigException;
import io.dataload.config.Resources;
import io.dataload.db.ConnectionSource;
import io.dataload.db.DatabaseTarget;
import io.dataload.aws.SdkAwsServices;
import io.dataload.config.Location;
import io.dataload.execute.ActionExecutor;
import io.dataload.execute.CopyActionExecutor;
import io.dataload.execute.EntryResult;
import io.dataload.execute.ExecActionExecutor;
import io.dataload.execute.ExtractActionExecutor;
import io.dataload.execute.Interruption;
import io.dataload.execute.RunOutcome;
import io.dataload.plan.ChainPlanner;
import io.dataload.execute.Runner;
import io.dataload.execute.ShellRunner;
import io.dataload.execute.SqlActionExecutor;
import io.dataload.notify.NotificationSender;
import io.dataload.plan.ActionKind;
import io.dataload.plan.PlaceholderResolver;
import io.dataload.plan.Plan;
import io.dataload.record.ExecutionLog;
import io.dataload.record.LogFileWriter;
import io.dataload.record.LogRecord;
import io.dataload.record.RunResultsFile;
import io.dataload.record.SecretMasker;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One run from options to exit code: read and check everything (exit 2 with every problem, nothing
 * run), run the plan, print the execution log grouped by entry and save it.
 */
public final class RunLauncher {
    private static final int INTERRUPT_GRACE_SECONDS = 30;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintWriter out;
    private final PrintWriter err;

    public RunLauncher(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    public int launch(RunOptions options) {
        Plan plan;
        DatabaseTarget target;
        SecretMasker masker;
        try {
            InputFiles input = InputFiles.read(options.workDir(), options.resourceFile(), options.actionFile());
            Resources resources = input.resources();
            ActionFile file = input.actionFile();
            new PrintWriterPair(out, err).warnings(input.warnings());
            PlaceholderResolver resolver = new PlaceholderResolver(List.of(), resources.values(), options.params());
            ChainPlanner planner = new ChainPlanner(options.workDir());
            plan = planner.plan(file, options.action(), options.startingTable(), options.attempt(), resolver);
            new PrintWriterPair(out, err).warnings(planner.warnings());
            target = DatabaseTarget.resolve(options.database(), resources, DatabaseTarget.environment(),
                    options.workDir());
            masker = masker(plan, target);
            if (options.resume()) {
                Set<String> rerun = toResume(options, file);
                if (rerun.isEmpty()) {
                    out.println("Nothing to resume: the last run of \"" + options.action() + "\" over "
                            + options.actionFile() + " has no failed or unrun entry.");
                    out.flush();
                    return ExitCodes.SUCCESS;
                }
                plan = plan.onlyEntries(rerun);
            }
        } catch (ConfigException e) {
            return new PrintWriterPair(out, err).problems(e);
        }
        return execute(options, plan, target, masker);
    }

    /** The entries the last run of this file and action left failed or unrun. */
    private static Set<String> toResume(RunOptions options, ActionFile file) throws ConfigException {
        try {
            Optional<Path> last = RunResultsFile.latest(options.workDir().resolve(options.logDir()), options.wrapper(),
                    options.actionFile(), options.action());
            if (last.isEmpty()) {
                throw new ConfigException(Location.file(Path.of(options.actionFile())), "--resume: no earlier run of \""
                        + options.action() + "\" over this file in " + options.logDir() + "/ to resume");
            }
            return RunResultsFile.toRerun(last.get(), file.displayPath(), options.action());
        } catch (IOException e) {
            throw new ConfigException(Location.file(Path.of(options.logDir())), "--resume: cannot read the last run's results: "
                    + e.getMessage());
        }
    }

    private int execute(RunOptions options, Plan plan, DatabaseTarget target, SecretMasker masker) {
        LocalDateTime started = LocalDateTime.now();
        ExecutionLog log = new ExecutionLog(masker, record -> live(options, record));
        int poolSize = options.pool() != null ? options.pool()
                : plan.reachable().stream().mapToInt(Plan::defaultPoolSize).max().orElse(1);
        log.add(null, "run \"" + plan.action() + "\" over " + options.actionFile() + ", attempt " + plan.attempt()
                + ", " + plan.mode().fileName() + (plan.startingTable() == null ? "" : " from " + plan.startingTable())
                + ", " + plan.actions().size() + " entr" + (plan.actions().size() == 1 ? "y" : "ies")
                + (plan.needsDatabase() ? ", database " + target.maskedUrl() : ""));
        Interruption interruption = new Interruption();
        CountDownLatch recorded = new CountDownLatch(1);
        Thread onSignal = new Thread(() -> stopAndRecord(interruption, recorded), "dataload-interrupt");
        Runtime.getRuntime().addShutdownHook(onSignal);
        boolean success = true;
        List<EntryResult> entries = new ArrayList<>();
        try (ConnectionSource source = target.connect(poolSize)) {
            ShellRunner actionShell = new ShellRunner(options.workDir(), interruption);
            // handlers and notifications still run when the run is interrupted
            ShellRunner hookShell = new ShellRunner(options.workDir(), Interruption.none());
            String region = plan.resolver().resources().get("Region");
            NotificationSender notifications = NotificationSender.standard(() -> new SdkAwsServices(region));
            Map<ActionKind, ActionExecutor> executors = Map.of(
                    ActionKind.EXEC, new ExecActionExecutor(actionShell, log),
                    ActionKind.SQL, new SqlActionExecutor(source, log, interruption),
                    ActionKind.EXTRACT, new ExtractActionExecutor(source, log, interruption),
                    ActionKind.COPY, new CopyActionExecutor(source, log, interruption));
            Deque<Plan> runs = new ArrayDeque<>(List.of(plan));
            while (!runs.isEmpty() && !interruption.interrupted()) {
                Plan next = runs.poll();
                if (next != plan) {
                    log.add(null, "chained run \"" + next.action() + "\" over " + next.file().displayPath() + ", "
                            + next.mode().fileName() + ", " + next.actions().size() + " entries");
                }
                RunOutcome outcome = new Runner(next, log, hookShell, executors, poolSize, interruption, notifications).run();
                success &= outcome.success();
                entries.addAll(outcome.entries());
                outcome.chained().forEach(chain -> runs.add(next.chains().get(chain)));
            }
        } catch (InterruptedException e) {
            interruption.interrupt();
        }
        if (interruption.interrupted()) {
            log.add(null, "interrupted: running actions were stopped and rolled back; --resume completes the run");
        }
        finish(options, plan, log, started, success && !interruption.interrupted(), entries);
        recorded.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(onSignal);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook ends the process with exit code 130
        }
        if (interruption.interrupted()) {
            return ExitCodes.INTERRUPTED;
        }
        return success ? ExitCodes.SUCCESS : ExitCodes.ACTION_FAILED;
    }

    /**
     * On SIGTERM or Ctrl-C: stop the running actions (statements cancelled, transactions rolled
     * back, commands killed), wait for the run to record what happened, and exit with 130.
     */
    private static void stopAndRecord(Interruption interruption, CountDownLatch recorded) {
        interruption.interrupt();
        try {
            recorded.await(INTERRUPT_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
    }

    /** Prints the log (always after a failure, so that a quiet caller still shows why) and saves it. */
    private void finish(RunOptions options, Plan plan, ExecutionLog log, LocalDateTime started, boolean success,
            List<EntryResult> entries) {
        String runLabel = options.actionFile();
        if (options.printLog() || !success) {
            printLog(options, log, runLabel);
        }
        String name = LogFileWriter.fileName(options.wrapper(), options.actionFile(), plan.action(), plan.attempt(),
                started);
        try {
            Path dir = options.workDir().resolve(options.logDir());
            Path saved = LogFileWriter.write(dir, name, log, runLabel);
            RunResultsFile.write(dir, name, options.actionFile(), plan.action(), plan.attempt(),
                    started.atZone(java.time.ZoneId.systemDefault()).toInstant(), success, entries);
            out.println("Log saved to " + options.workDir().relativize(saved));
        } catch (IOException e) {
            err.println("dataload: could not save the log in " + options.logDir() + ": " + e.getMessage());
        }
        out.flush();
        err.flush();
    }

    private void printLog(RunOptions options, ExecutionLog log, String runLabel) {
        out.println();
        out.println("Execution log");
        log.grouped().forEach((entry, records) -> {
            out.println("[" + (entry == null ? runLabel : entry) + "]");
            for (LogRecord record : records) {
                if (!record.detail() || options.verbose()) {
                    out.printf("%4d %s %s%n", record.step(), ExecutionLog.TIME.format(record.time()),
                            indent(record.text()));
                }
            }
        });
    }

    private void live(RunOptions options, LogRecord record) {
        if (options.quiet() || (record.detail() && !options.verbose())) {
            return;
        }
        String entry = record.entry() == null ? "" : "[" + record.entry() + "] ";
        synchronized (err) {
            err.println(CLOCK.format(record.time()) + " " + entry + indent(record.text()));
            err.flush();
        }
    }

    private static String indent(String text) {
        return text.replace("\n", "\n                             ");
    }

    private static SecretMasker masker(Plan plan, DatabaseTarget target) {
        List<Map<String, String>> sources = new ArrayList<>(plan.placeholderValues());
        if (target.password() != null) {
            sources.add(Map.of("database password", target.password()));
        }
        return new SecretMasker(sources);
    }
}
