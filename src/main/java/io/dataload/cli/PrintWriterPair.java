package io.dataload.cli;

import io.dataload.config.ConfigException;
import io.dataload.config.Problem;
import io.dataload.plan.CheckedRequest;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** The command's output streams, and the one way bad input is reported: every problem, then exit 2. */
record PrintWriterPair(PrintWriter out, PrintWriter err) {

    PrintWriterPair(CommandSpec spec) {
        this(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Warnings (misspelt keys, unquoted risky parameters): printed, nothing stops. */
    void warnings(List<Problem> warnings) {
        warnings.forEach(err::println);
        err.flush();
    }

    /** What a long-running command says as it goes: one time-stamped line on stderr, from any thread. */
    java.util.function.Consumer<String> timestamped() {
        return line -> {
            synchronized (err) {
                err.println(HistoryCommand.TIME.format(java.time.Instant.now()) + " " + line);
                err.flush();
            }
        };
    }

    /** A bad option value: "command line: ..." and exit 2; nothing runs. */
    int usage(String message) {
        err.println("command line: " + message);
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    /** A failure that is not the input's fault (an AWS call, a server): one line, exit 1. */
    int failed(String message) {
        err.println("dataload: " + message);
        err.flush();
        return ExitCodes.ACTION_FAILED;
    }

    /** An AWS call failed: one line; exit 2 when it is the configuration's fault (no region, no credentials), else 1. */
    int aws(io.dataload.aws.AwsException e) {
        err.println("dataload: " + e.getMessage());
        err.flush();
        return e.configuration() ? ExitCodes.BAD_INPUT : ExitCodes.ACTION_FAILED;
    }

    /**
     * What the front door found: warnings always, then every problem. Exit 2 when there is any
     * problem, else 0 (the command goes on).
     */
    int checked(CheckedRequest checked) {
        warnings(checked.warnings());
        return checked.valid() ? ExitCodes.SUCCESS : problems(new ConfigException(checked.problems()));
    }

    int problems(ConfigException e) {
        for (Problem problem : e.problems()) {
            err.println(problem);
        }
        err.println("dataload: " + e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s")
                + " found; nothing was run.");
        err.flush();
        return ExitCodes.BAD_INPUT;
    }
}
