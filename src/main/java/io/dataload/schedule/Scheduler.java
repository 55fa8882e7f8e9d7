package io.dataload.schedule;

import io.dataload.config.ConfigException;
import io.dataload.execute.Interruption;
import io.dataload.execute.RunReport;
import io.dataload.execute.RunSession;
import io.dataload.execute.RunningRuns;
import io.dataload.execute.Stoppable;
import io.dataload.plan.CheckedRequest;
import io.dataload.plan.FrontDoor;
import io.dataload.state.StoredRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a schedule's jobs in this process, each fire through a {@link RunSession} recorded with
 * trigger {@code schedule} and the job's name. Jobs run concurrently; a job runs at most once at a
 * time unless its overlap is {@code allow} ({@code skip} drops a fire while the previous run goes,
 * {@code queue} runs it right after). At start, fires missed while the scheduler was down are run per
 * the job's catch-up ({@code last}: once, {@code all}: each), from the run-history store. Time comes
 * from a {@link Clock}, so tests need not wait for real clocks.
 */
public final class Scheduler implements Stoppable {
    private final Schedule schedule;
    private final Clock clock;
    private final Supplier<RunSession> sessions;
    private final Consumer<String> say;
    private final Duration grace;
    private final Map<String, JobState> states = new LinkedHashMap<>();
    private final ExecutorService runs = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "dataload-schedule-run");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "dataload-schedule-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final RunningRuns running = new RunningRuns();
    private final Object wake = new Object();
    private volatile Interruption.Stop stopped;

    private static final class JobState {
        final Schedule.Job job;
        ZonedDateTime next;
        int active;
        int queued;

        JobState(Schedule.Job job) {
            this.job = job;
        }
    }

    public Scheduler(Schedule schedule, Clock clock, Supplier<RunSession> sessions, Consumer<String> say,
            Duration grace) {
        this.schedule = schedule;
        this.clock = clock;
        this.sessions = sessions;
        this.say = say;
        this.grace = grace;
        Instant now = clock.instant();
        for (Schedule.Job job : schedule.jobs()) {
            JobState state = new JobState(job);
            state.next = job.times().next(now).orElse(null);
            states.put(job.name(), state);
        }
    }

    /**
     * Runs what was missed while the scheduler was down: for each job with a catch-up, the fires
     * between its last recorded run and now. {@code lastRun} answers from the store.
     */
    public synchronized void catchUp(java.util.function.Function<String, Optional<StoredRun>> lastRun) {
        Instant now = clock.instant();
        for (JobState state : states.values()) {
            Schedule.Job job = state.job;
            Optional<StoredRun> last = lastRun.apply(job.name());
            if (last.isEmpty()) {
                continue;
            }
            // a run the stop interrupted (or a crash cut short) is not done: run it again, whatever the catch-up
            boolean unfinished = last.get().outcome().equals("interrupted") || last.get().outcome().equals("running");
            List<ZonedDateTime> missed = new ArrayList<>();
            if (job.catchup() != Schedule.Catchup.NONE) {
                Optional<ZonedDateTime> fire = job.times().next(Instant.ofEpochMilli(last.get().startedMs()));
                while (fire.isPresent() && fire.get().toInstant().isBefore(now) && missed.size() < 1000) {
                    missed.add(fire.get());
                    fire = job.times().next(fire.get().toInstant());
                }
            }
            int count = missed.isEmpty() ? 0 : job.catchup() == Schedule.Catchup.LAST ? 1 : missed.size();
            if (unfinished) {
                say.accept("job " + job.name() + ": its last run " + last.get().runId() + " did not finish ("
                        + last.get().outcome() + "); it runs again");
                count++;
            }
            if (!missed.isEmpty()) {
                say.accept("job " + job.name() + ": " + missed.size() + " fire" + (missed.size() == 1 ? "" : "s")
                        + " missed since its last run (" + missed.get(0) + (missed.size() > 1 ? " to "
                        + missed.get(missed.size() - 1) : "") + "); catch-up " + job.catchup().name().toLowerCase()
                        + ": " + (job.catchup() == Schedule.Catchup.LAST ? 1 : missed.size()) + " run"
                        + (missed.size() == 1 || job.catchup() == Schedule.Catchup.LAST ? "" : "s"));
            }
            if (count == 0) {
                continue;
            }
            state.queued += count - 1;
            start(state);
        }
    }

    /** Starts the jobs whose fire time has come; returns when the next one is due (null: never). */
    public synchronized Instant tick() {
        Instant now = clock.instant();
        Instant earliest = null;
        for (JobState state : states.values()) {
            if (state.next != null && !state.next.toInstant().isAfter(now) && stopped == null) {
                ZonedDateTime due = state.next;
                // fires the clock jumped over count as one: cron runs what is due, not a backlog
                while (state.next != null && !state.next.toInstant().isAfter(now)) {
                    state.next = state.job.times().next(state.next.toInstant()).orElse(null);
                }
                fire(state, due);
            }
            if (state.next != null && (earliest == null || state.next.toInstant().isBefore(earliest))) {
                earliest = state.next.toInstant();
            }
        }
        return earliest;
    }

    private void fire(JobState state, ZonedDateTime due) {
        Schedule.Job job = state.job;
        if (state.active > 0 && job.overlap() != Schedule.Overlap.ALLOW) {
            if (job.overlap() == Schedule.Overlap.QUEUE) {
                state.queued = Math.max(state.queued, 1);
                say.accept("job " + job.name() + ": fire at " + due + " queued: the previous run is still going");
            } else {
                say.accept("job " + job.name() + ": fire at " + due + " skipped: the previous run is still going");
            }
            return;
        }
        say.accept("job " + job.name() + ": fire at " + due);
        start(state);
    }

    private void start(JobState state) {
        Schedule.Job job = state.job;
        CheckedRequest found = FrontDoor.check(job.request());
        if (!found.valid()) {
            say.accept("job " + job.name() + ": not started: " + found.problems());
            return;
        }
        // the job's sla is the run's (its OnSlaMiss, else the file's)
        CheckedRequest checked = job.sla() == null ? found : found.withRunSla(job.sla().after(), job.sla().onMiss());
        RunSession session = sessions.get();
        state.active++;
        running.started(session);
        var timeout = job.timeout() == null ? null : timers.schedule(() -> {
            say.accept("job " + job.name() + ": timeout " + job.timeout() + " reached; stopping its run");
            session.interrupt(Interruption.Stop.TERMINATE);
        }, job.timeout().toMillis(), TimeUnit.MILLISECONDS);
        runs.execute(() -> {
            String outcome;
            try {
                RunReport report = session.run(checked);
                outcome = "run " + report.runId() + " " + report.status().name().toLowerCase()
                        + " (exit " + report.exitCode() + ")";
            } catch (ConfigException e) {
                outcome = "not run: " + e.getMessage();
            } catch (RuntimeException e) {
                outcome = "failed unexpectedly: " + e;
            } finally {
                if (timeout != null) {
                    timeout.cancel(false);
                }
            }
            say.accept("job " + job.name() + ": " + outcome);
            synchronized (Scheduler.this) {
                state.active--;
                if (state.queued > 0 && stopped == null) {
                    state.queued--;
                    start(state);
                }
            }
            running.ended(session);
            synchronized (wake) {
                wake.notifyAll();
            }
        });
    }

    /** Runs until stopped: sleeps until the next fire (woken early by a stop), starts what is due. */
    public void loop() throws InterruptedException {
        while (stopped == null) {
            Instant next = tick();
            long millis = next == null ? 60_000 : Math.max(1, Duration.between(clock.instant(), next).toMillis());
            synchronized (wake) {
                if (stopped == null) {
                    wake.wait(Math.min(millis, 60_000));
                }
            }
        }
    }

    /** How many runs of a job go now (for tests and status). */
    public synchronized int active(String job) {
        return states.get(job).active;
    }

    /** When a job fires next, in its zone; null when never. */
    public synchronized ZonedDateTime next(String job) {
        return states.get(job).next;
    }

    /** No new run starts; running ones get the grace period, then are interrupted. */
    @Override
    public void interrupt(Interruption.Stop stop) {
        stopped = stop;
        synchronized (wake) {
            wake.notifyAll();
        }
        say.accept("stopping: no new runs; " + running.size() + " running, given " + grace.toSeconds()
                + " s to finish");
        running.stop(stop, grace);
    }

    @Override
    public boolean awaitRecorded(long seconds) throws InterruptedException {
        return running.await(seconds);
    }

    public Interruption.Stop stopped() {
        return stopped;
    }

    public Schedule schedule() {
        return schedule;
    }
}
