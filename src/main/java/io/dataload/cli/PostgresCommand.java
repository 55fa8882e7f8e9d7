package io.dataload.cli;

import io.dataload.db.Engine;
import picocli.CommandLine.Command;

/** {@code dataload postgres} — the PostgresLoadT wrapper. */
@Command(name = "postgres", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"PostgresLoadT: RESOURCES.yml ACTIONS.json ACTION [STARTING_TABLE] [ATTEMPT] on PostgreSQL.",
            "Connection from RDS.* of the resource file (Endpoint, Port, DBName, MasterUsername,",
            "MasterUserPassword or PGPASSWORD). Defaults: ProjectResources.yml StagingArea.json drop, attempt 1."})
final class PostgresCommand extends WrapperCommand {

    @Override
    String wrapper() {
        return "PostgresLoadT";
    }

    @Override
    Engine engine() {
        return Engine.POSTGRES;
    }

}
