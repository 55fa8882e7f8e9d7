package io.dataload.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dataload run ACTIONS.json ACTION [STARTING_TABLE [ATTEMPT]]}. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs ACTION of every entry of ACTIONS.json that defines it.",
            "Paths in the action file resolve against the working directory (see -C)."})
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions inputOptions;

    @Parameters(index = "0", paramLabel = "ACTIONS.json", description = "The action file.")
    String actionFile;

    @Parameters(index = "1", paramLabel = "ACTION", description = "The action to run (create, load, exec, extract, ...).")
    String action;

    @Parameters(index = "2", arity = "0..1", paramLabel = "STARTING_TABLE",
            description = "Sequential: start at this entry. Parallel: run only this entry. \"\" for none.")
    String startingTable;

    @Parameters(index = "3", arity = "0..1", paramLabel = "ATTEMPT", defaultValue = "1",
            description = "The attempt number that selects the OnError answer (default: ${DEFAULT-VALUE}).")
    int attempt;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "The database (jdbc:duckdb:FILE, jdbc:postgresql://..., jdbc:mysql://...). "
                    + "Default: embedded DuckDB file dataload.duckdb in the working directory.")
    String database;

    @Option(names = "--pool", paramLabel = "N",
            description = "Connections for parallel mode (default: one per entry; one in sequential mode).")
    Integer pool;

    @Option(names = "--log-dir", paramLabel = "DIR", defaultValue = "logs",
            description = "Where the execution log is saved (default: ${DEFAULT-VALUE}).")
    String logDir;

    @Option(names = {"-v", "--verbose"}, description = "Also print the resolved SQL and commands (secrets masked).")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Do not print progress while running.")
    boolean quiet;

    @Option(names = "--resume", description = "Run again only the entries that failed or never ran in the last run "
            + "of this file and action (from its results file in the log dir).")
    boolean resume;

    @Override
    public Integer call() {
        if (attempt < 1) {
            throw new ParameterException(spec.commandLine(), "ATTEMPT must be 1 or more, found " + attempt);
        }
        if (pool != null && pool < 1) {
            throw new ParameterException(spec.commandLine(), "--pool must be 1 or more, found " + pool);
        }
        Path workDir = inputOptions.workDir();
        String start = startingTable == null || startingTable.isEmpty() ? null : startingTable;
        RunOptions options = new RunOptions("dataload", workDir, actionFile, action, start, attempt, inputOptions.resources,
                inputOptions.params, database, pool, logDir, verbose, quiet, true, resume);
        return new RunLauncher(spec.commandLine().getOut(), spec.commandLine().getErr()).launch(options);
    }
}
