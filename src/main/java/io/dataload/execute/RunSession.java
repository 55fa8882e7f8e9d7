package io.dataload.execute;

import io.dataload.aws.SdkAwsServices;
import io.dataload.config.ConfigException;
import io.dataload.config.Location;
import io.dataload.db.ConnectionSource;
import io.dataload.db.DatabaseTarget;
import io.dataload.notify.NotificationSender;
import io.dataload.plan.ActionKind;
import io.dataload.plan.CheckedRequest;
import io.dataload.plan.Plan;
import io.dataload.plan.RunRequest;
import io.dataload.record.AttemptResult;
import io.dataload.record.ExecutionLog;
import io.dataload.record.LogFileWriter;
import io.dataload.record.RunResultsFile;
import io.dataload.record.RunSummary;
import io.dataload.record.SecretMasker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The only place that executes: takes a checked request, connects, runs the plan and every run it
 * chains to on one pool, stops on {@link #interrupt}, sends notifications, saves the log and the
 * results file, and returns a {@link RunReport}. It prints nothing: progress goes to the
 * {@link RunListener}. Whatever asks for a run (the CLI, a wrapper, the demo, later a scheduler or
 * a worker) hands its checked request here.
 */
public final class RunSession {
    private final RunListener listener;
    private final Map<String, String> environment;
    private final Function<String, NotificationSender> notifications;
    private final Interruption interruption = new Interruption();
    private final CountDownLatch recorded = new CountDownLatch(1);

    public RunSession(RunListener listener) {
        this(listener, DatabaseTarget.environment(),
                region -> NotificationSender.standard(() -> new SdkAwsServices(region)));
    }

    /** For tests and embedders: the environment the database settings read, and how notifications are sent. */
    public RunSession(RunListener listener, Map<String, String> environment,
            Function<String, NotificationSender> notifications) {
        this.listener = listener;
        this.environment = environment;
        this.notifications = notifications;
    }

    /** Stops the run: running actions are cancelled and rolled back, nothing new starts. */
    public void interrupt(Interruption.Stop stop) {
        interruption.interrupt(stop);
    }

    /** Waits until the run has recorded its outcome (after an interrupt), at most {@code seconds}. */
    public boolean awaitRecorded(long seconds) throws InterruptedException {
        return recorded.await(seconds, TimeUnit.SECONDS);
    }

    /**
     * Runs a valid checked request. Throws {@link ConfigException} (nothing ran) when the database
     * option is unusable or {@code --resume} finds no earlier run.
     */
    public RunReport run(CheckedRequest checked) throws ConfigException {
        try {
            return execute(checked);
        } finally {
            recorded.countDown();
        }
    }

    private RunReport execute(CheckedRequest checked) throws ConfigException {
        RunRequest request = checked.request();
        Plan plan = checked.plan();
        DatabaseTarget target = DatabaseTarget.resolve(request.database(), checked.resources(), environment,
                request.workDir());
        SecretMasker masker = masker(plan, target);
        if (request.resume()) {
            Set<String> rerun = toResume(request, plan);
            if (rerun.isEmpty()) {
                return RunReport.nothingToResume(request.actionFile());
            }
            plan = plan.onlyEntries(rerun);
        }
        LocalDateTime started = LocalDateTime.now();
        ExecutionLog log = new ExecutionLog(masker, listener::record);
        int poolSize = request.pool() != null ? request.pool()
                : plan.reachable().stream().mapToInt(Plan::defaultPoolSize).max().orElse(1);
        log.add(null, "run \"" + plan.action() + "\" over " + request.actionFile() + ", attempt " + plan.attempt()
                + ", " + plan.mode().fileName() + (plan.startingTable() == null ? "" : " from " + plan.startingTable())
                + ", " + plan.actions().size() + " entr" + (plan.actions().size() == 1 ? "y" : "ies")
                + (plan.needsDatabase() ? ", database " + target.maskedUrl() : ""));
        boolean success = true;
        List<AttemptResult> entries = new ArrayList<>();
        List<AttemptResult> attempts = new ArrayList<>();
        try (ConnectionSource source = target.connect(poolSize)) {
            Executors executors = new Executors(source, log, request.workDir(), interruption);
            NotificationSender sender = notifications.apply(plan.resolver().resources().get("Region"));
            Deque<Plan> runs = new ArrayDeque<>(List.of(plan));
            while (!runs.isEmpty() && !interruption.interrupted()) {
                Plan next = runs.poll();
                if (next != plan) {
                    log.add(null, "chained run \"" + next.action() + "\" over " + next.filePath() + ", "
                            + next.mode().fileName() + ", " + next.actions().size() + " entries");
                }
                RunOutcome outcome = new Runner(next, log, executors.hookShell(), executors.byKind(), poolSize,
                        interruption, sender).run();
                success &= outcome.success();
                entries.addAll(outcome.entries());
                attempts.addAll(outcome.attempts());
                outcome.chained().forEach(chain -> runs.add(next.chains().get(chain)));
            }
        } catch (InterruptedException e) {
            // the flag stays cleared: the log and the results are still written below, and NIO
            // channels refuse to write on an interrupted thread
            interruption.interrupt();
        }
        if (interruption.interrupted()) {
            log.add(null, "interrupted: running actions were stopped and rolled back; --resume completes the run");
        }
        RunReport.Status status = interruption.interrupted() ? RunReport.Status.INTERRUPTED
                : success ? RunReport.Status.SUCCEEDED : RunReport.Status.FAILED;
        return save(request, plan, log, started, status, entries, attempts, masker);
    }

    private RunReport save(RunRequest request, Plan plan, ExecutionLog log, LocalDateTime started,
            RunReport.Status status, List<AttemptResult> entries, List<AttemptResult> attempts, SecretMasker masker) {
        String name = LogFileWriter.fileName(request.tool(), request.actionFile(), plan.action(), plan.attempt(),
                started);
        Path dir = request.workDir().resolve(request.logDir());
        Path saved = null;
        String error = null;
        try {
            saved = LogFileWriter.write(dir, name, log, request.actionFile());
            Instant start = started.atZone(ZoneId.systemDefault()).toInstant();
            List<String> arguments = request.arguments().stream().map(masker::mask).toList();
            RunResultsFile.write(dir, name, new RunSummary(request.tool(), request.actionFile(), plan.action(),
                    plan.attempt(), arguments, start, Instant.now(),
                    status == RunReport.Status.SUCCEEDED ? "succeeded" : status == RunReport.Status.INTERRUPTED
                            ? "interrupted" : "failed", entries, attempts));
        } catch (IOException e) {
            error = "could not save the log in " + request.logDir() + ": " + e.getMessage();
        }
        return new RunReport(status, status == RunReport.Status.INTERRUPTED ? interruption.stop() : null,
                request.actionFile(), List.copyOf(entries), List.copyOf(attempts), log, saved, error);
    }

    /** The entries the last run of this file and action left failed or unrun. */
    private static Set<String> toResume(RunRequest request, Plan plan) throws ConfigException {
        try {
            Optional<Path> last = RunResultsFile.latest(request.workDir().resolve(request.logDir()), request.tool(),
                    request.actionFile(), request.action());
            if (last.isEmpty()) {
                throw new ConfigException(Location.file(Path.of(request.actionFile())), "--resume: no earlier run of \""
                        + request.action() + "\" over this file in " + request.logDir() + "/ to resume");
            }
            return RunResultsFile.toRerun(last.get(), plan.filePath(), request.action());
        } catch (IOException e) {
            throw new ConfigException(Location.file(Path.of(request.logDir())),
                    "--resume: cannot read the last run's results: " + e.getMessage());
        }
    }

    private static SecretMasker masker(Plan plan, DatabaseTarget target) {
        List<Map<String, String>> sources = new ArrayList<>(plan.placeholderValues());
        if (target.password() != null) {
            sources.add(Map.of("database password", target.password()));
        }
        return new SecretMasker(sources);
    }

    /** The executors of one session, by kind, and the shell its handlers run in. */
    private record Executors(Map<ActionKind, ActionExecutor> byKind, ShellRunner hookShell) {
        Executors(ConnectionSource source, ExecutionLog log, Path workDir, Interruption interruption) {
            this(Map.of(
                    ActionKind.EXEC, new ExecActionExecutor(new ShellRunner(workDir, interruption), log),
                    ActionKind.SQL, new SqlActionExecutor(source, log, interruption),
                    ActionKind.EXTRACT, new ExtractActionExecutor(source, log, interruption),
                    ActionKind.COPY, new CopyActionExecutor(source, log, interruption)),
                    // handlers and notifications still run when the run is interrupted
                    new ShellRunner(workDir, Interruption.none()));
        }
    }
}
