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
import io.dataload.plan.PlannedAction;
import io.dataload.plan.RunRequest;
import io.dataload.record.AttemptResult;
import io.dataload.record.ExecutionLog;
import io.dataload.record.EntryOutcome;
import io.dataload.record.IoErrors;
import io.dataload.record.LogFileWriter;
import io.dataload.record.RunJournal;
import io.dataload.record.RunLock;
import io.dataload.record.RunResultsFile;
import io.dataload.record.RunSummary;
import io.dataload.record.SecretMasker;
import io.dataload.state.RunId;
import io.dataload.state.StateStore;
import io.dataload.state.StoredAttempt;
import io.dataload.state.StoredRun;
import io.dataload.tableau.TableauSessions;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The only place that executes: takes a checked request, connects, runs the plan and every run it
 * chains to on one pool, stops on {@link #interrupt}, sends notifications, saves the log and the
 * results file, and returns a {@link RunReport}. It prints nothing: progress goes to the
 * {@link RunListener}. Whatever asks for a run (the CLI, a wrapper, the demo, later a scheduler or
 * a worker) hands its checked request here.
 */
public final class RunSession implements Stoppable {
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
    @Override
    public void interrupt(Interruption.Stop stop) {
        interruption.interrupt(stop);
    }

    /** Waits until the run has recorded its outcome (after an interrupt), at most {@code seconds}. */
    @Override
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
        Path dir = request.workDir().resolve(request.logDir());
        Path actionPath = request.workDir().resolve(request.actionFile()).toAbsolutePath().normalize();
        RunLock lock;
        try {
            lock = RunLock.acquire(RunLock.fileFor(dir, actionPath, plan.action()), request.resume());
        } catch (RunLock.BusyException e) {
            return RunReport.notRun(RunReport.Status.BUSY, request.actionFile(), e.getMessage());
        } catch (IOException e) {
            return RunReport.notRun(RunReport.Status.NOT_STARTED, request.actionFile(),
                    "cannot use the log folder " + request.logDir() + ": " + IoErrors.describe(e));
        }
        try (lock) {
            List<String> resumeNotes = new ArrayList<>();
            Map<String, Set<String>> doneItems = new LinkedHashMap<>();
            if (request.resume()) {
                Set<String> rerun = toResume(request, plan, dir, actionPath, resumeNotes, doneItems);
                if (rerun.isEmpty()) {
                    return RunReport.nothingToResume(request.actionFile());
                }
                plan = plan.onlyEntries(rerun);
            }
            LocalDateTime started = LocalDateTime.now();
            RunJournal journal;
            try {
                journal = RunJournal.start(dir, LogFileWriter.baseName(request.tool(), request.workDir(), actionPath,
                        plan.action(), plan.attempt(), started), request.actionFile());
            } catch (IOException e) {
                return RunReport.notRun(RunReport.Status.NOT_STARTED, request.actionFile(),
                        "cannot record the run in " + request.logDir() + ": " + IoErrors.describe(e));
            }
            ExecutionLog log = new ExecutionLog(masker, record -> {
                journal.record(record);
                listener.record(record);
            });
            Instant startedAt = started.atZone(ZoneId.systemDefault()).toInstant();
            // one store holds the run history and the extracts' watermarks
            String storeUrl = StateStore.urlFor(request.state(), environment, dir);
            History history = History.open(storeUrl);
            LiveRecord live = new LiveRecord(journal, history, request, plan, actionPath, masker, startedAt,
                    request.runId() != null ? request.runId() : RunId.next(startedAt.toEpochMilli()), storeUrl);
            log.add(null, "run " + live.runId + ": " + request.actionFile() + " " + plan.action());
            resumeNotes.forEach(note -> log.add(null, note));
            if (masker.weakSecretWarning() != null) {
                log.add(null, masker.weakSecretWarning());
            }
            try {
                return run(request, plan, target, log, live, doneItems);
            } finally {
                history.close();
            }
        }
    }

    private RunReport run(RunRequest request, Plan plan, DatabaseTarget target, ExecutionLog log, LiveRecord live,
            Map<String, Set<String>> doneItems) {
        int poolSize = request.pool() != null ? request.pool()
                : plan.reachable().stream().mapToInt(Plan::defaultPoolSize).max().orElse(1);
        log.add(null, "run \"" + plan.action() + "\" over " + request.actionFile() + ", attempt " + plan.attempt()
                + ", " + plan.mode().fileName() + (plan.startingTable() == null ? "" : " from " + plan.startingTable())
                + ", " + plan.actions().size() + " entr" + (plan.actions().size() == 1 ? "y" : "ies")
                + (plan.reachable().stream().anyMatch(Plan::needsDatabase) ? ", database " + target.maskedUrl()
                        + (request.database() == null || request.database().isBlank()
                        ? " (none was chosen: the embedded default; choose one with --db)" : "") : ""));
        live.write("running");
        boolean success = true;
        boolean badInput = false;
        List<AttemptResult> entries = new ArrayList<>();
        List<AttemptResult> attempts = new ArrayList<>();
        try (ConnectionSource source = target.connect(poolSize); TableauSessions tableau = new TableauSessions()) {
            String region = plan.resolver().resources().get("Region");
            SessionServices services = services(source, log, request.workDir(), live, tableau, region);
            // each queued run with the run whose handler chained it, and which handler
            record Queued(Plan plan, Plan from, String by) {
            }
            Deque<Queued> runs = new ArrayDeque<>(List.of(new Queued(plan, null, "")));
            while (!runs.isEmpty() && !interruption.interrupted()) {
                Queued queued = runs.poll();
                Plan next = queued.plan();
                if (next != plan) {
                    log.add(null, "chained run \"" + next.action() + "\" over " + next.filePath() + ", "
                            + next.mode().fileName() + ", " + next.actions().size() + " entries");
                }
                live.planStarted(next, queued.from(), queued.by());
                RunOutcome outcome = new Runner(next, log, services, poolSize, interruption, live,
                        next == plan ? doneItems : Map.of()).run();
                live.planFinished(next, outcome.success() && !interruption.interrupted() ? "succeeded"
                        : interruption.interrupted() ? "interrupted" : "failed");
                success &= outcome.success();
                badInput |= outcome.badInput();
                entries.addAll(outcome.entries());
                attempts.addAll(outcome.attempts());
                outcome.chained().forEach(chained -> runs.add(new Queued(next.chains().get(chained.chain()), next,
                        chained.by())));
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
                : success ? RunReport.Status.SUCCEEDED : badInput ? RunReport.Status.BAD_INPUT : RunReport.Status.FAILED;
        Interruption.Stop stop = status == RunReport.Status.INTERRUPTED ? interruption.stop() : null;
        live.finish(log, status == RunReport.Status.SUCCEEDED ? "succeeded"
                : status == RunReport.Status.INTERRUPTED ? "interrupted" : "failed", entries, attempts,
                RunReport.exitCode(status, stop));
        live.history.close();
        return new RunReport(status, stop, request.actionFile(), List.copyOf(entries), List.copyOf(attempts), log,
                live.journal.logFile(), live.journal.problem(), live.runId, live.history.problem());
    }

    /**
     * The entries to run again: for each entry of the plan, its newest recorded status over every
     * earlier run of this file and action decides (a run of one starting table does not hide
     * another entry's failure); an entry a killed run left {@code running} is run again, after any
     * shell process it started and that still runs has been stopped — never twice at the same time.
     */
    private static Set<String> toResume(RunRequest request, Plan plan, Path dir, Path actionPath, List<String> notes,
            Map<String, Set<String>> doneItems) throws ConfigException {
        List<RunResultsFile.PastRun> runs;
        try {
            runs = RunResultsFile.runsOf(dir, request.workDir(), request.tool(), actionPath, request.action());
        } catch (IOException e) {
            throw new ConfigException(Location.file(Path.of(request.logDir())),
                    "--resume: cannot read the earlier runs' results: " + IoErrors.describe(e));
        }
        if (runs.isEmpty()) {
            throw new ConfigException(Location.file(Path.of(request.actionFile())), "--resume: no earlier run of \""
                    + request.action() + "\" over this file in " + request.logDir() + "/ to resume");
        }
        Set<String> rerun = new LinkedHashSet<>();
        for (PlannedAction action : plan.actions()) {
            String newest = null;
            RunResultsFile.PastRun from = null;
            for (RunResultsFile.PastRun run : runs) {
                for (RunResultsFile.PastEntry entry : run.entries()) {
                    if (entry.file().equals(actionPath) && entry.entry().equals(action.name())) {
                        newest = entry.status();
                        from = run;
                        break;
                    }
                }
                if (newest != null) {
                    break;
                }
            }
            if (newest != null && (newest.equals("done") || newest.equals("ignored"))) {
                continue;
            }
            rerun.add(action.name());
            if (action.fanout() != null) {
                doneItems.put(action.name(), itemsDone(runs, action.name(), request.logDir()));
            }
            if (from != null && from.status().equals("running")) {
                notes.add("--resume: " + action.name() + " was " + newest + " when " + from.results().getFileName()
                        + " ended without finishing (killed)");
                for (RunSummary.ChildProcess child : from.processes()) {
                    if (child.entry().equals(action.name())) {
                        stopLeftover(child, notes);
                    }
                }
            }
        }
        return rerun;
    }

    /** The items of a fan-out entry that earlier runs did (their newest outcome done or ignored), from their items files. */
    private static Set<String> itemsDone(List<RunResultsFile.PastRun> runs, String entry, String logDir)
            throws ConfigException {
        Map<String, Map<String, String>> outcomes = new LinkedHashMap<>();
        try {
            for (RunResultsFile.PastRun run : runs) {
                io.dataload.record.ItemsFile.read(run.results(), outcomes);
            }
        } catch (IOException e) {
            throw new ConfigException(Location.file(Path.of(logDir)), "--resume: cannot read the earlier runs' items: "
                    + IoErrors.describe(e));
        }
        Set<String> done = new java.util.HashSet<>();
        outcomes.getOrDefault(entry, Map.of()).forEach((item, outcome) -> {
            if (outcome.equals("done") || outcome.equals("ignored")) {
                done.add(item);
            }
        });
        return done;
    }

    /** Stops a shell process a killed run left running, if it is still that process (ids are reused). */
    private static void stopLeftover(RunSummary.ChildProcess child, List<String> notes) {
        Optional<ProcessHandle> handle = ProcessHandle.of(child.pid());
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return;
        }
        Optional<Instant> started = handle.get().info().startInstant();
        if (child.started() == null || started.isEmpty()
                || Math.abs(started.get().toEpochMilli() - child.started().toEpochMilli()) > 1000) {
            return;
        }
        List<ProcessHandle> tree = handle.get().descendants().toList();
        handle.get().destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            handle.get().onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            handle.get().destroyForcibly();
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        notes.add("--resume: stopped process " + child.pid() + " that " + child.entry()
                + " had started in the killed run and that was still running");
    }

    private static SecretMasker masker(Plan plan, DatabaseTarget target) {
        List<Map<String, String>> sources = new ArrayList<>(plan.placeholderValues());
        if (target.secret() != null) {
            sources.add(Map.of("database password", target.secret()));
        }
        return new SecretMasker(sources);
    }

    /** The executors of one session, by kind, the shell its handlers run in, and what else its runs share. */
    private SessionServices services(ConnectionSource source, ExecutionLog log, Path workDir, ExtractContext progress,
            TableauSessions tableau, String region) {
        Supplier<io.dataload.aws.AwsServices> aws = new Supplier<>() {
            private io.dataload.aws.AwsServices services;

            @Override
            public synchronized io.dataload.aws.AwsServices get() {
                if (services == null) {
                    services = new SdkAwsServices(region);
                }
                return services;
            }
        };
        return new SessionServices(Map.of(
                ActionKind.EXEC, new ExecActionExecutor(new ShellRunner(workDir, interruption), log, progress),
                ActionKind.SQL, new SqlActionExecutor(source, log, interruption),
                ActionKind.EXTRACT, new ExtractActionExecutor(source, log, interruption, progress),
                ActionKind.COPY, new CopyActionExecutor(source, log, interruption),
                ActionKind.TABLEAU, new TableauActionExecutor(new TableauRefresher(tableau, log, interruption))),
                // handlers and notifications still run when the run is interrupted
                new ShellRunner(workDir, Interruption.none()), notifications.apply(region),
                new TableauRefresher(tableau, log, interruption), source, aws);
    }

    /**
     * The run's record while it goes: every entry's state (planned entries start as {@code not run},
     * an attempt under way is {@code running}), every attempt, and the shell processes started,
     * written to the results file at each change.
     */
    private static final class LiveRecord implements ExtractContext {
        final RunJournal journal;
        final History history;
        final String runId;
        /** The run row the plan now running records into: the run's own, or a chained run's. */
        private volatile String currentRunId;
        /** New watermarks of this run's extracts: stored with the run's success, and only then. */
        private final List<StateStore.Watermark> marks = new ArrayList<>();
        /** The store the extracts read their watermarks from (opened when the first one asks). */
        private StateStore reader;
        private final String storeUrl;

        /** The run id each plan that ran was recorded under: a chained run's parent is the run that chained it. */
        private final Map<Plan, String> planRunIds = new java.util.IdentityHashMap<>();
        private final Map<String, Integer> sequence = new LinkedHashMap<>();
        private final RunRequest request;
        private final Plan plan;
        private final String filePath;
        private final List<String> arguments;
        private final Instant started;
        private final Map<String, AttemptResult> entries = new LinkedHashMap<>();
        private final List<AttemptResult> attempts = new ArrayList<>();
        private final List<RunSummary.ChildProcess> processes = new ArrayList<>();
        private volatile Plan current;

        LiveRecord(RunJournal journal, History history, RunRequest request, Plan plan, Path actionPath,
                SecretMasker masker, Instant started, String runId, String storeUrl) {
            this.storeUrl = storeUrl;
            this.journal = journal;
            this.history = history;
            this.runId = runId;
            this.request = request;
            this.plan = plan;
            this.filePath = actionPath.toString();
            this.arguments = request.arguments().stream().map(masker::mask).toList();
            this.started = started;
            this.current = plan;
        }

        synchronized void planStarted(Plan next, Plan from, String chainedBy) {
            current = next;
            long now = System.currentTimeMillis();
            String id = next == plan ? runId : RunId.next(now);
            currentRunId = id;
            String parent = from == null ? null : planRunIds.getOrDefault(from, runId);
            planRunIds.put(next, id);
            history.runStarted(new StoredRun(id, parent, request.trigger(), request.tool(),
                    next == plan ? request.actionFile() : next.filePath(), next == plan ? filePath
                            : request.workDir().resolve(next.filePath()).toAbsolutePath().normalize().toString(),
                    next.action(), next.startingTable(), next.attempt(), next == plan ? arguments : List.of(),
                    request.resourceFile(), USER, HOST, ProcessHandle.current().pid(),
                    next == plan ? started.toEpochMilli() : now, null, "running", null, journal.logFile().toString(),
                    next == plan ? request.triggerName() : chainedBy));
            for (PlannedAction action : next.actions()) {
                entries.putIfAbsent(key(next.filePath(), action.name()),
                        AttemptResult.notRun(next.filePath(), next.action(), action.name()));
            }
            write("running");
        }

        @Override
        public synchronized void attemptStarted(String file, String action, String entry, int attempt, Instant at) {
            entries.put(key(file, entry), new AttemptResult(file, action, entry, EntryOutcome.RUNNING, attempt, at,
                    null, 0, null));
            write("running");
        }

        @Override
        public String runId() {
            return runId;
        }

        @Override
        public boolean slaMissed(String scope, java.time.Duration sla, Instant at) {
            String id = currentRunId == null ? runId : currentRunId;
            return history.slaMissed(new StateStore.SlaMiss(id, scope, sla.toMillis(), at.toEpochMilli(), null));
        }

        @Override
        public void slaHandled(String scope, String handlers) {
            history.slaHandled(currentRunId == null ? runId : currentRunId, scope, handlers);
        }

        private String currentFile() {
            return request.workDir().resolve(current.filePath()).toAbsolutePath().normalize().toString();
        }

        @Override
        public synchronized List<String> watermark(String entry, String action, String target) throws SQLException {
            if (reader == null) {
                try {
                    reader = StateStore.open(storeUrl);
                } catch (io.dataload.state.StateException e) {
                    throw new SQLException(e.getMessage(), e);
                }
            }
            StateStore.Watermark mark = reader.watermark(currentFile(), entry, action, target);
            return mark == null ? null : mark.values();
        }

        @Override
        public synchronized boolean endedWithoutSuccess(String other) {
            try {
                if (reader == null) {
                    reader = StateStore.open(storeUrl);
                }
                io.dataload.state.StoredRun run = reader.run(other);
                return run != null && run.finishedMs() != null && !"succeeded".equals(run.outcome());
            } catch (io.dataload.state.StateException | SQLException e) {
                // not known to have failed: its files stay
                return false;
            }
        }

        /** What each manifest lists: per manifest path, one line per extract of this run. */
        private final Map<Path, List<Map<String, Object>>> manifests = new LinkedHashMap<>();

        @Override
        public synchronized void extracted(Path manifest, String entry, Path file, long rows, long bytes, String sha256,
                String from, String to) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("file_path", currentFile());
            line.put("entry", entry);
            line.put("file", file == null ? null : file.toString());
            line.put("rows", rows);
            line.put("bytes", bytes);
            line.put("sha256", sha256);
            line.put("after", from);
            line.put("up_to", to);
            manifests.computeIfAbsent(manifest, k -> new ArrayList<>()).add(line);
        }

        /** Writes each manifest whole, under a temporary name renamed when complete. */
        private void writeManifests(String status) {
            for (Map.Entry<Path, List<Map<String, Object>>> manifest : manifests.entrySet()) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("run_id", runId);
                body.put("status", status);
                body.put("written", manifest.getValue().stream().filter(l -> l.get("file") != null).toList());
                body.put("unchanged", manifest.getValue().stream().filter(l -> l.get("file") == null)
                        .map(l -> l.get("entry")).toList());
                Path target = manifest.getKey();
                try {
                    io.dataload.record.IoErrors.createDirectories(target.toAbsolutePath().getParent());
                    Path temporary = target.resolveSibling("." + target.getFileName() + ".part");
                    new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                            .writeValue(temporary.toFile(), body);
                    java.nio.file.Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (java.io.IOException e) {
                    journal.record(new io.dataload.record.LogRecord(null, 0, java.time.LocalDateTime.now(),
                            "could not write the manifest " + target + ": " + e.getMessage(), false));
                }
            }
        }

        @Override
        public synchronized void advance(String entry, String action, String target, List<String> columns,
                List<String> values) {
            marks.add(new StateStore.Watermark(currentFile(), entry, action, target, columns, values));
        }

        synchronized void planFinished(Plan finished, String outcome) {
            if (finished != plan) {
                history.runFinished(currentRunId, System.currentTimeMillis(), outcome, null);
            }
        }

        @Override
        public synchronized void attemptFinished(AttemptResult result) {
            String id = currentRunId == null ? runId : currentRunId;
            int seq = sequence.merge(id, 1, Integer::sum);
            io.dataload.record.Failure failure = result.failure();
            history.attemptRecorded(new StoredAttempt(id, seq, result.entry(), result.action(),
                    scriptOf(result.entry()), result.attempt(),
                    result.started() == null ? null : result.started().toEpochMilli(),
                    result.finished() == null ? null : result.finished().toEpochMilli(), result.rows(),
                    result.outcome().word(), failure == null ? null : failure.sqlState(),
                    failure == null ? null : failure.vendorCode(), failure == null ? null : failure.message(),
                    failure == null ? null : failure.file(), failure == null ? null : failure.statement(),
                    failure == null ? null : failure.line(), result.error()));
            attempts.add(result);
            entries.put(key(result.file(), result.entry()), result);
            write("running");
        }

        /** An item's attempt: into the run history; its last attempt also into the items file (for --resume). */
        @Override
        public synchronized void itemFinished(String entry, String item, AttemptResult result, boolean last) {
            String id = currentRunId == null ? runId : currentRunId;
            int seq = sequence.merge(id, 1, Integer::sum);
            io.dataload.record.Failure failure = result.failure();
            history.attemptRecorded(new StoredAttempt(id, seq, result.entry(), result.action(), scriptOf(entry),
                    result.attempt(), result.started() == null ? null : result.started().toEpochMilli(),
                    result.finished() == null ? null : result.finished().toEpochMilli(), result.rows(),
                    result.outcome().word(), failure == null ? null : failure.sqlState(),
                    failure == null ? null : failure.vendorCode(), failure == null ? null : failure.message(),
                    failure == null ? null : failure.file(), failure == null ? null : failure.statement(),
                    failure == null ? null : failure.line(), result.error()));
            if (last) {
                journal.item(entry, item, result);
            }
        }

        @Override
        public synchronized void processStarted(String entry, ProcessHandle process) {
            processes.add(new RunSummary.ChildProcess(current.filePath(), entry, process.pid(),
                    process.info().startInstant().orElse(null)));
            write("running");
        }

        synchronized void write(String status) {
            journal.results(summary(status, null, List.copyOf(entries.values()), attempts));
        }

        private String scriptOf(String entry) {
            for (PlannedAction action : current.actions()) {
                if (action.name().equals(entry)) {
                    return action.scriptDisplay();
                }
            }
            return null;
        }

        synchronized void finish(ExecutionLog log, String status, List<AttemptResult> finalEntries,
                List<AttemptResult> finalAttempts, int exitCode) {
            if (reader != null) {
                reader.close();
            }
            writeManifests(status);
            // watermarks move with the run's success, in the same transaction, or not at all
            history.runFinished(runId, System.currentTimeMillis(), status, exitCode,
                    status.equals("succeeded") ? List.copyOf(marks) : List.of());
            // entries a stop left unreached are "not run"; those of the run's record that the
            // runner did not report (an interrupted chain) keep their recorded state
            Map<String, AttemptResult> all = new LinkedHashMap<>(entries);
            finalEntries.forEach(entry -> all.put(key(entry.file(), entry.entry()), entry));
            all.replaceAll((key, entry) -> entry.outcome() == EntryOutcome.RUNNING
                    ? new AttemptResult(entry.file(), entry.action(), entry.entry(), EntryOutcome.INTERRUPTED,
                            entry.attempt(), entry.started(), Instant.now(), 0, null)
                    : entry);
            journal.finish(log, summary(status, Instant.now(), List.copyOf(all.values()), finalAttempts));
        }

        private RunSummary summary(String status, Instant finished, List<AttemptResult> entryList,
                List<AttemptResult> attemptList) {
            return new RunSummary(runId, request.tool(), request.actionFile(), filePath, plan.action(), plan.attempt(),
                    arguments, ProcessHandle.current().pid(), HOST, started, finished, status, entryList,
                    attemptList, processes);
        }

        private static String key(String file, String entry) {
            return file + "\0" + entry;
        }
    }

    /** This machine's name as runs record it: $HOSTNAME, else the resolver's, else "unknown". */
    public static final String HOST = hostName();
    private static final String USER = System.getProperty("user.name");

    private static String hostName() {
        String name = System.getenv("HOSTNAME");
        if (name != null && !name.isBlank()) {
            return name;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
