package io.dataload.cli;

import io.dataload.plan.RunRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    /** Set by {@link FastPath}, which reads the command line without picocli; else from {@link #spec}. */
    Invocation invocation;

    @Mixin
    InputOptions inputOptions;

    @Mixin
    TargetArguments target;

    @Option(names = "--db", paramLabel = "DATABASE",
            description = "postgres, mysql, redshift or snowflake (host, port, database and user from the resource "
                    + "file's RDS.* / RedshiftCluster.* / Snowflake.*, else PGHOST... / MYSQL_HOST...), or a JDBC URL "
                    + "(jdbc:duckdb:FILE, jdbc:postgresql://..., jdbc:mysql://..., jdbc:snowflake://...). Default: "
                    + "embedded DuckDB file dataload.duckdb in the working directory.")
    String database;

    @Option(names = "--pool", paramLabel = "N",
            description = "Connections for parallel mode (default: one per entry; one in sequential mode).")
    Integer pool;

    @Mixin
    SessionOptions session;

    @Option(names = "--sla", paramLabel = "DURATION",
            description = "How long the run may take, like 30m or 2h: still running after it, the file's OnSlaMiss "
                    + "handlers run once and the history records the miss; the run carries on (wins over the file's \"sla\").")
    String sla;

    @Override
    public Integer call() {
        Invocation invoked = invocation != null ? invocation : Invocation.of(spec);
        java.time.Duration runSla = null;
        if (sla != null) {
            runSla = io.dataload.config.Retry.parseDuration(sla);
            if (runSla == null || runSla.isZero()) {
                return invoked.io().usage("--sla must be a duration like 30s, 30m or 2h, found " + sla);
            }
        }
        RunRequest request = new RunRequest("dataload", "cli", inputOptions.workDir(), inputOptions.resources,
                target.actionFile, target.action, target.startingTable, target.attempt, inputOptions.params.params,
                database, pool, session.logDir, session.resume, invoked.originalArgs()).withState(session.state);
        return new RunConsole(invoked.io().out(), invoked.io().err(), session.output()).run(request, runSla);
    }
}
