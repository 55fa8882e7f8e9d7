package io.dataload.cli;

import io.dataload.config.ConfigException;
import io.dataload.execute.Interruption;
import io.dataload.execute.RunReport;
import io.dataload.execute.RunSession;
import io.dataload.execute.SignalTrap;
import io.dataload.plan.CheckedRequest;
import io.dataload.plan.FrontDoor;
import io.dataload.plan.RunRequest;
import io.dataload.record.ExecutionLog;
import io.dataload.record.LogRecord;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;

/**
 * A run on the console: the request goes through the front door (every problem and warning printed,
 * exit 2, nothing run), then to a run session with SIGINT/SIGTERM trapped; progress is printed as it
 * happens, the execution log at the end (always after a failure), and the outcome becomes the exit
 * code.
 */
final class RunConsole {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** How much the console shows: progress (unless quiet), resolved SQL (verbose), the log at the end. */
    record Output(boolean verbose, boolean quiet, boolean printLog) {
    }

    private final PrintWriter out;
    private final PrintWriter err;
    private final Output output;

    RunConsole(PrintWriter out, PrintWriter err, Output output) {
        this.out = out;
        this.err = err;
        this.output = output;
    }

    int run(RunRequest request) {
        return run(request, null);
    }

    /** {@code sla}: the run's, from the command line (null: the file's own). */
    int run(RunRequest request, java.time.Duration sla) {
        PrintWriterPair io = new PrintWriterPair(out, err);
        CheckedRequest found = FrontDoor.check(request);
        if (io.checked(found) != ExitCodes.SUCCESS) {
            return ExitCodes.BAD_INPUT;
        }
        CheckedRequest checked = sla == null ? found : found.withRunSla(sla, java.util.List.of());
        // the files were read and checked alongside the warm-up (FastPath); the run's logging, store and pool wait for it
        Warmup.await();
        RunSession session = new RunSession(this::live);
        RunReport report;
        try (SignalTrap trap = SignalTrap.install(session)) {
            report = session.run(checked);
        } catch (ConfigException e) {
            return io.problems(e);
        }
        return print(request, report);
    }

    private int print(RunRequest request, RunReport report) {
        if (report.status() == RunReport.Status.NOTHING_TO_RESUME) {
            out.println("Nothing to resume: the last run of \"" + request.action() + "\" over "
                    + request.actionFile() + " has no failed or unrun entry.");
            out.flush();
            return ExitCodes.SUCCESS;
        }
        if (report.status() == RunReport.Status.BUSY || report.status() == RunReport.Status.NOT_STARTED) {
            err.println("dataload: nothing ran: " + report.saveError());
            err.flush();
            return exitCode(report);
        }
        if (output.printLog() || !report.succeeded()) {
            printLog(report.log(), report.label());
        }
        if (report.logFile() != null) {
            out.println("Log saved to " + Shown.path(report.logFile()));
        }
        if (report.saveError() != null) {
            err.println("dataload: " + report.saveError());
        }
        if (report.storeProblem() != null) {
            err.println("dataload: the run was not recorded in the run history: " + report.storeProblem());
        }
        out.flush();
        err.flush();
        return exitCode(report);
    }

    static int exitCode(RunReport report) {
        return report.exitCode();
    }

    private void printLog(ExecutionLog log, String runLabel) {
        out.println();
        out.println("Execution log");
        log.grouped().forEach((entry, records) -> {
            out.println("[" + (entry == null ? runLabel : entry) + "]");
            for (LogRecord record : records) {
                if (!record.detail() || output.verbose()) {
                    out.printf("%4d %s %s%n", record.step(), ExecutionLog.TIME.format(record.time()),
                            indent(record.text()));
                }
            }
        });
    }

    private void live(LogRecord record) {
        if (output.quiet() || (record.detail() && !output.verbose())) {
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
}
