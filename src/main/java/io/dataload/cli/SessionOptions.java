package io.dataload.cli;

import picocli.CommandLine.Option;

/** How a run is recorded and shown, for {@code run} and every wrapper. */
final class SessionOptions {

    @Option(names = "--log-dir", paramLabel = "DIR", defaultValue = "logs",
            description = "Where the execution log and results file are saved (default: ${DEFAULT-VALUE}).")
    String logDir;

    @Option(names = "--state", paramLabel = "URL", description = "The run-history store: jdbc:sqlite:FILE or a PostgreSQL "
            + "URL (default: $DATALOAD_STATE, else dataload.db in the log dir).")
    String state;

    @Option(names = {"-v", "--verbose"}, description = "Also print the resolved SQL and commands (secrets masked).")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Do not print progress while running.")
    boolean quiet;

    @Option(names = "--resume", description = "Run again only the entries that are not done: failed, interrupted or "
            + "never run, over every earlier run of this file and action (from the results files in the log dir).")
    boolean resume;

    RunConsole.Output output() {
        return new RunConsole.Output(verbose, quiet, true);
    }
}
