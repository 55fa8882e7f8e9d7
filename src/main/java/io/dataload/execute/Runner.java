package io.dataload.execute;

import io.dataload.config.Answer;
import io.dataload.config.ChainRun;
import io.dataload.config.Command;
import io.dataload.config.Hook;
import io.dataload.config.Notification;
import io.dataload.config.Retry;
import io.dataload.config.TableauRefresh;
import io.dataload.plan.TableauTargets;
import io.dataload.config.ErrorPolicy.Decision;
import io.dataload.config.Mode;
import io.dataload.plan.ActionKind;
import io.dataload.plan.HookGroup;
import io.dataload.plan.Plan;
import io.dataload.plan.PlannedAction;
import io.dataload.plan.SlaPlan;
import io.dataload.notify.NotificationSender;
import io.dataload.record.AttemptResult;
import io.dataload.record.EntryOutcome;
import io.dataload.record.ExecutionLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a plan the way the Python tool did: entries sequentially (stopping at the first failure
 * that is not ignored) or in parallel on a bounded pool; each failure resolved through
 * {@code OnError}; the success handlers run after all entries when nothing failed.
 */
public final class Runner {
    private final Plan plan;
    private final ExecutionLog log;
    private final SessionServices services;
    private final int poolSize;
    private final Interruption interruption;
    private final RunProgress progress;
    /** For --resume, per fan-out entry, the items an earlier run did: they are not run again. */
    private final Map<String, java.util.Set<String>> doneItems;
    /** The resource-file key of the assignment group of incidents that do not name one. */
    static final String SERVICENOW_GROUP = "ServiceNow.AssignmentGroup";
    private final List<RunOutcome.Chained> chained = new ArrayList<>();
    private final Map<String, AttemptResult> results = new ConcurrentHashMap<>();
    private final List<AttemptResult> attempts = java.util.Collections.synchronizedList(new ArrayList<>());
    private final SlaWatch slas = new SlaWatch();
    /** An action failed for a mistake in the action file (not retried; the run exits 2). */
    private volatile boolean badInput;

    Runner(Plan plan, ExecutionLog log, SessionServices services, int poolSize, Interruption interruption,
            RunProgress progress, Map<String, java.util.Set<String>> doneItems) {
        this.progress = progress;
        this.interruption = interruption;
        this.plan = plan;
        this.log = log;
        this.services = services;
        this.poolSize = poolSize;
        this.doneItems = doneItems;
    }

    public RunOutcome run() throws InterruptedException {
        Instant started = Instant.now();
        java.util.concurrent.ScheduledFuture<?> runSla = plan.sla() == null || plan.sla().after() == null ? null
                : slas.watch(plan.sla().after(), () -> slaMissed(null, plan.sla(), started));
        try {
            return runWatched();
        } finally {
            if (runSla != null) {
                runSla.cancel(false);
            }
            slas.close();
        }
    }

    private RunOutcome runWatched() throws InterruptedException {
        List<EntryOutcome> outcomes = plan.mode() == Mode.PARALLEL ? runParallel() : runSequential();
        int done = count(outcomes, EntryOutcome.DONE);
        int ignored = count(outcomes, EntryOutcome.IGNORED);
        int failed = count(outcomes, EntryOutcome.FAILED) + count(outcomes, EntryOutcome.INTERRUPTED);
        if (failed == 0 && !interruption.interrupted()) {
            for (HookGroup group : plan.afterSuccess()) {
                runHooks(null, group);
            }
        }
        List<AttemptResult> entries = new ArrayList<>();
        for (PlannedAction action : plan.actions()) {
            entries.add(results.getOrDefault(action.name(),
                    AttemptResult.notRun(plan.filePath(), plan.action(), action.name())));
        }
        RunOutcome outcome = new RunOutcome(done, ignored, failed, plan.actions().size() - outcomes.size(),
                List.copyOf(chained), entries, List.copyOf(attempts), badInput);
        log.add(null, "finished \"" + plan.action() + "\" over " + plan.filePath() + " "
                + (outcome.success() ? "successfully" : "with failures") + ": " + outcome);
        return outcome;
    }

    private List<EntryOutcome> runSequential() throws InterruptedException {
        List<EntryOutcome> outcomes = new ArrayList<>();
        List<PlannedAction> actions = plan.actions();
        for (int i = 0; i < actions.size() && !interruption.interrupted(); i++) {
            EntryOutcome outcome = runEntry(actions.get(i));
            outcomes.add(outcome);
            if ((outcome == EntryOutcome.FAILED || outcome == EntryOutcome.INTERRUPTED) && i + 1 < actions.size()) {
                List<String> rest = actions.subList(i + 1, actions.size()).stream().map(PlannedAction::name).toList();
                log.add(null, "stopped after the failure of " + actions.get(i).name() + "; not run: "
                        + String.join(", ", rest));
                break;
            }
        }
        return outcomes;
    }

    private List<EntryOutcome> runParallel() throws InterruptedException {
        List<PlannedAction> actions = plan.actions();
        if (actions.isEmpty()) {
            return List.of();
        }
        boolean needsConnections = actions.stream().anyMatch(a -> a.kind().needsConnection());
        int threads = needsConnections ? Math.min(poolSize, actions.size()) : actions.size();
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "dataload-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<EntryOutcome>> futures = new ArrayList<>();
            for (PlannedAction action : actions) {
                futures.add(pool.submit(() -> interruption.interrupted() ? null : runEntry(action)));
            }
            List<EntryOutcome> outcomes = new ArrayList<>();
            for (Future<EntryOutcome> future : futures) {
                EntryOutcome outcome = future.get();
                if (outcome != null) {
                    outcomes.add(outcome);
                }
            }
            return outcomes;
        } catch (ExecutionException e) {
            throw new IllegalStateException("an entry's runner failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs an entry, again after a native retry's delay with the attempt raised, until an answer ends it. */
    private EntryOutcome runEntry(PlannedAction action) throws InterruptedException {
        int attempt = plan.attempt();
        Instant started = Instant.now();
        java.util.concurrent.ScheduledFuture<?> sla = action.sla() == null ? null
                : slas.watch(action.sla().after(), () -> slaMissed(action, action.sla(), started));
        try {
            while (true) {
                EntryOutcome outcome = runAttempt(action, attempt);
                if (outcome != null) {
                    return outcome;
                }
                attempt++;
            }
        } finally {
            if (sla != null) {
                sla.cancel(false);
            }
        }
    }

    /**
     * A run ({@code action} null) or an entry still running after its sla: said in the log, recorded
     * in the history, and its OnSlaMiss handlers run once (not again for a run resumed under the same
     * id); the run carries on.
     */
    private void slaMissed(PlannedAction action, SlaPlan sla, Instant started) {
        String scope = action == null ? "" : action.name();
        String label = action == null ? null : plan.entryLabel(action.name());
        Instant now = Instant.now();
        String after = Retry.describe(sla.after());
        String elapsed = Retry.describe(java.time.Duration.ofSeconds(java.time.Duration.between(started, now).toSeconds()));
        if (!progress.slaMissed(scope, sla.after(), now)) {
            log.add(label, "SLA " + after + " missed again; OnSlaMiss ran when it was first missed");
            return;
        }
        List<Hook> hooks = sla.onMiss().hooks();
        log.add(label, "SLA " + after + " missed: " + (action == null ? "the run" : "the entry") + " is still running after "
                + elapsed + "; it carries on" + (hooks.isEmpty() ? " (no OnSlaMiss handlers)" : ""));
        Map<String, String> builtins = new LinkedHashMap<>(sla.onMiss().builtins());
        builtins.put("sla", after);
        builtins.put("elapsed", elapsed);
        if (action != null) {
            builtins.put("table_name", action.name());
        }
        try {
            runHooks(label, new HookGroup(sla.onMiss().label(), hooks, builtins));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.add(label, "OnSlaMiss failed (the run carries on): " + reason(e));
        }
        progress.slaHandled(scope, hooks.isEmpty() ? "none" : String.join(", ", hooks.stream().map(Runner::hookKind).toList()));
    }

    private static String hookKind(Hook hook) {
        if (hook instanceof Notification notification) {
            return notification.kind();
        }
        return hook instanceof Command ? "command" : hook instanceof TableauRefresh ? "tableau" : "chain";
    }

    /** One attempt; null when a native retry asks for another. */
    private EntryOutcome runAttempt(PlannedAction action, int attempt) throws InterruptedException {
        Instant started = Instant.now();
        String name = plan.entryLabel(action.name());
        log.add(name, plan.action() + (attempt == plan.attempt() ? "" : " (attempt " + attempt + ")") + ": " + action.scriptDisplay()
                + (action.target() instanceof PlannedAction.ExtractTo extract
                        ? " -> " + plan.workDir().relativize(extract.file()) : ""));
        progress.attemptStarted(plan.filePath(), plan.action(), action.name(), attempt, started);
        ActionResult result;
        EntryOutcome outcome;
        if (action.fanout() != null) {
            FanoutRunner.Result fanout = new FanoutRunner(this, plan, log, services, poolSize, interruption, progress,
                    doneItems.getOrDefault(action.name(), java.util.Set.of())).run(action, attempt);
            result = fanout.result();
            badInput |= result.badInput();
            outcome = fanout.itemsFailed() ? itemsFailed(action, result) : decide(action, attempt, result, false);
        } else {
            result = services.executor(action.kind()).execute(action);
            outcome = decide(action, attempt, result, false);
        }
        // a native retry's failed attempt is recorded as failed; the entry's result is its last attempt
        AttemptResult recorded = new AttemptResult(plan.filePath(), plan.action(), action.name(),
                outcome == null ? EntryOutcome.FAILED : outcome, attempt, started, Instant.now(), result.rows(),
                result.failure() == null ? null : result.failure().masked(log.masker()::mask));
        attempts.add(recorded);
        if (outcome != null) {
            results.put(action.name(), recorded);
        }
        progress.attemptFinished(recorded);
        return outcome;
    }

    /**
     * A fan-out whose items failed (each went through OnError already): the entry fails, and the
     * file's error notifications run once, with the failed items for #error#.
     */
    private EntryOutcome itemsFailed(PlannedAction action, ActionResult result) throws InterruptedException {
        String name = plan.entryLabel(action.name());
        if (interruption.interrupted()) {
            log.add(name, "interrupted; running items were stopped and rolled back");
            runHooks(name, onErrorNotification(action, "interrupted"));
            return EntryOutcome.INTERRUPTED;
        }
        log.add(name, "failed: " + result.errorText());
        runHooks(name, onErrorNotification(action, result.errorText()));
        return EntryOutcome.FAILED;
    }

    /**
     * What an action's result means for its entry: success handlers, or the OnError answer. For one
     * item of a fan-out ({@code item}), the same OnError answers, but no handlers: the action's
     * OnSuccess and the error notifications run once for the whole action.
     */
    EntryOutcome decide(PlannedAction action, int attempt, ActionResult result, boolean item) throws InterruptedException {
        String name = plan.entryLabel(action.name());
        String seconds = String.format("%.3fs", result.elapsed().toNanos() / 1e9);
        if (result.ok()) {
            log.add(name, "done in " + seconds + (result.rows() > 0 ? ", " + result.rows() + " rows" : ""));
            if (!item) {
                runHooks(name, action.onSuccess());
            }
            return EntryOutcome.DONE;
        }
        if (interruption.interrupted()) {
            log.add(name, "interrupted after " + seconds + "; its transaction is rolled back");
            if (!item) {
                runHooks(name, onErrorNotification(action, "interrupted"));
            }
            return EntryOutcome.INTERRUPTED;
        }
        log.add(name, "failed after " + seconds + ": " + result.where() + ": " + result.errorText());
        if (result.badInput()) {
            badInput = true;
            log.add(name, "a mistake in the action file: not retried, nothing was written");
            if (!item) {
                runHooks(name, onErrorNotification(action, result.errorText()));
            }
            return EntryOutcome.FAILED;
        }
        Decision decision = action.onError().decide(result.errorText(), attempt);
        Answer answer = decision.answer();
        log.add(name, "OnError " + decision.key() + ", attempt " + attempt + ": "
                + (answer instanceof Command ? "run a command" : answer.toString()));
        if (answer instanceof Answer.Ignore) {
            return EntryOutcome.IGNORED;
        }
        if (answer instanceof Retry retry) {
            Thread.sleep(retry.after().toMillis());
            return null;
        }
        if (answer instanceof Hook hook) {
            runHooks(name, new HookGroup("OnError", List.of(hook), errorBuiltins(action, result.errorText())));
        }
        if (!item) {
            runHooks(name, onErrorNotification(action, result.errorText()));
        }
        return EntryOutcome.FAILED;
    }

    /** The file's error notifications for a failed entry: {@code #table_name#} is the entry, {@code #error#} its error. */
    private HookGroup onErrorNotification(PlannedAction action, String error) {
        return new HookGroup(plan.onErrorNotification().label(), plan.onErrorNotification().hooks(),
                errorBuiltins(action, error));
    }

    /** {@code #error#} is data: masked as in the log (it may quote a secret), and never expanded again. */
    private Map<String, String> errorBuiltins(PlannedAction action, String error) {
        return Map.of("table_name", action.name(), "action", plan.action(), "error", log.masker().mask(error));
    }

    void runHooks(String entry, HookGroup group) throws InterruptedException {
        String label = group.label();
        Map<String, String> builtins = group.builtins();
        for (Hook hook : group.hooks()) {
            if (hook instanceof ChainRun chain) {
                log.add(entry, label + ": " + chain + " after this run");
                synchronized (chained) {
                    chained.add(new RunOutcome.Chained(chain, label));
                }
                continue;
            }
            if (hook instanceof Notification notification) {
                notify(entry, label, notification, builtins);
                continue;
            }
            if (hook instanceof TableauRefresh refresh) {
                // a handler's refresh is logged like a command's: it does not change the run's outcome
                log.add(entry, label + ": " + refresh);
                ActionResult result = services.tableau().refresh(entry,
                        TableauTargets.resolve(refresh, plan.resolver(), builtins));
                log.add(entry, label + ": tableau " + (result.ok() ? "refresh done"
                        : "refresh failed (the run's outcome is unchanged): " + result.errorText()));
                continue;
            }
            Command command = (Command) hook;
            String text = plan.resolver().apply(command.text(), builtins);
            log.add(entry, label + ": running a command");
            log.detail(entry, text);
            ShellResult result = services.hookShell().run(text);
            log.add(entry, label + ": exit code " + result.exitCode()
                    + (result.output().isEmpty() ? "" : "; output: " + result.output()));
        }
    }

    /** Sends a native notification; its failure is logged and changes nothing else. */
    private void notify(String entry, String label, Notification notification, Map<String, String> builtins) {
        Map<String, String> fields = new LinkedHashMap<>();
        // a notification's content leaves the system: every secret is masked in it exactly as in the log
        notification.fields().forEach((key, value) -> {
            String resolved = plan.resolver().apply(value, builtins);
            fields.put(key, Notification.ADDRESS_FIELDS.contains(key) ? resolved : log.masker().mask(resolved));
        });
        if (notification.kind().equals("servicenow")) {
            // one incident per run and action: a failure reported again (a retry, a second entry) updates it
            if (progress.runId() != null) {
                fields.put("correlation_id", "dataload:" + progress.runId() + ":" + plan.action());
            }
            String group = plan.resolver().resources().get(SERVICENOW_GROUP);
            if (!fields.containsKey("assignment_group") && group != null && !group.isBlank()) {
                fields.put("assignment_group", group);
            }
        }
        try {
            log.add(entry, label + ": " + notification.kind() + ": "
                    + services.notifications().send(notification.kind(), fields));
        } catch (Exception e) {
            log.add(entry, label + ": " + notification.kind() + " failed (the run's outcome is unchanged): "
                    + reason(e));
        }
    }

    /** Why something failed, in words: the messages down the causes (a refused connection has none of its own). */
    static String reason(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = e; t != null && parts.size() < 4; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? null : t.getMessage().strip();
            if (t instanceof java.net.ConnectException && (message == null || message.isEmpty())) {
                message = "connection refused";
            } else if (t instanceof java.net.UnknownHostException) {
                message = "unknown host " + message;
            } else if (t instanceof java.net.http.HttpTimeoutException) {
                message = "timed out";
            }
            String said = message;
            if (said != null && !said.isEmpty() && parts.stream().noneMatch(p -> p.contains(said))) {
                parts.add(said);
            }
        }
        String text = parts.isEmpty() ? e.getClass().getSimpleName() : String.join(": ", parts);
        return text.length() > 400 ? text.substring(0, 399) + "…" : text;
    }

    private static int count(List<EntryOutcome> outcomes, EntryOutcome kind) {
        return (int) outcomes.stream().filter(o -> o == kind).count();
    }
}
