package io.dataload.cli;

import io.dataload.config.ConfigException;
import io.dataload.config.Retry;
import io.dataload.execute.Interruption;
import io.dataload.execute.RunSession;
import io.dataload.execute.SignalTrap;
import io.dataload.schedule.Schedule;
import io.dataload.schedule.ScheduleReader;
import io.dataload.schedule.Scheduler;
import io.dataload.state.StateException;
import io.dataload.state.StateStore;
import io.dataload.state.StoredRun;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dataload schedule SCHEDULE.yml}: runs the schedule's jobs in the foreground, or prints their next fire times. */
@Command(name = "schedule", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Runs the jobs of SCHEDULE.yml when their cron lines fire.",
            "It runs in this process until SIGTERM or Ctrl-C (exit 143 or 130, after --grace for the running "
                + "runs). With --next N: prints each job's next N fire times and runs nothing."})
public final class ScheduleCommand implements Callable<Integer> {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX '['VV']'");

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "SCHEDULE.yml", description = "The schedule file.")
    String file;

    @Option(names = "--next", paramLabel = "N", description = "Print each job's next N fire times, in its zone with the offset; run nothing.")
    Integer next;

    @Option(names = "--from", paramLabel = "ISO-TIME", description = "With --next: count from this instant (e.g. 2026-03-28T00:00:00Z) instead of now.")
    String from;

    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "60s",
            description = "On SIGTERM/Ctrl-C, how long running runs may go on before they are interrupted (default: ${DEFAULT-VALUE}).")
    String grace;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriterPair io = new PrintWriterPair(spec);
        Duration graceTime = Retry.parseDuration(grace);
        if (graceTime == null) {
            return io.usage("--grace must be a duration such as 30s or 5m, found " + grace);
        }
        ScheduleReader reader = new ScheduleReader(store.workDir(), store.logDir, store.state);
        Schedule schedule;
        try {
            schedule = reader.read(file);
        } catch (ConfigException e) {
            io.warnings(reader.warnings());
            return io.problems(e);
        }
        io.warnings(reader.warnings());
        if (next != null) {
            return printNext(io, schedule);
        }
        PrintWriter err = io.err();
        Scheduler scheduler = new Scheduler(schedule, Clock.systemUTC(), () -> new RunSession(record -> { }),
                io.timestamped(), graceTime);
        try (SignalTrap trap = SignalTrap.install(scheduler)) {
            catchUp(scheduler, err);
            for (Schedule.Job job : schedule.jobs()) {
                err.println("job " + job.name() + ": " + job.times() + ", next " + SHOWN.format(scheduler.next(job.name())));
            }
            err.flush();
            scheduler.loop();
            scheduler.awaitRecorded(graceTime.toSeconds() + 30);
        }
        return scheduler.stopped() == Interruption.Stop.TERMINATE ? ExitCodes.TERMINATED : ExitCodes.INTERRUPTED;
    }

    private void catchUp(Scheduler scheduler, PrintWriter err) {
        if (store.missingFile()) {
            return;
        }
        try (StateStore history = StateStore.open(store.url())) {
            scheduler.catchUp(job -> {
                try {
                    return Optional.ofNullable(history.lastRun("schedule", job));
                } catch (SQLException e) {
                    err.println("dataload: cannot read the run history for catch-up: " + e.getMessage());
                    return Optional.<StoredRun>empty();
                }
            });
        } catch (StateException e) {
            err.println("dataload: no catch-up: " + e.getMessage());
        }
    }

    private int printNext(PrintWriterPair io, Schedule schedule) {
        if (next < 1) {
            return io.usage("--next must be 1 or more, found " + next);
        }
        Instant start;
        try {
            start = from == null ? Instant.now() : Instant.parse(from);
        } catch (DateTimeParseException e) {
            return io.usage("--from must be an ISO instant such as 2026-03-28T00:00:00Z, found " + from);
        }
        for (Schedule.Job job : schedule.jobs()) {
            io.out().println("job " + job.name() + ": " + job.times() + ", overlap " + job.overlap().name().toLowerCase()
                    + ", catch-up " + job.catchup().name().toLowerCase() + ": " + job.request().actionFile() + " "
                    + job.request().action());
            Instant at = start;
            for (int i = 0; i < next; i++) {
                Optional<ZonedDateTime> fire = job.times().next(at);
                if (fire.isEmpty()) {
                    break;
                }
                io.out().println("  " + SHOWN.format(fire.get()));
                at = fire.get().toInstant();
            }
        }
        io.out().flush();
        return ExitCodes.SUCCESS;
    }
}
