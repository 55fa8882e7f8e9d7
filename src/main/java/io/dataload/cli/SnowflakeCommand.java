package io.dataload.cli;

import io.dataload.db.Engine;
import java.util.LinkedHashMap;
import picocli.CommandLine.Command;

/**
 * {@code dataload snowflake} — the SnowflakeLoadT wrapper: the positional command line of the other
 * wrappers, the login from the resource file's {@code Snowflake:} section.
 */
@Command(name = "snowflake", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"SnowflakeLoadT: RESOURCES.yml ACTIONS.json ACTION [STARTING_TABLE] [ATTEMPT] on Snowflake.",
            "Login from Snowflake.* of the resource file: Account, User, Role, Warehouse, Database, Schema, and",
            "PrivateKeyFile (+ PrivateKeyPassphrase) or Password; Endpoint for another host.",
            "Defaults: ProjectResources.yml StagingArea.json drop, attempt 1."})
final class SnowflakeCommand extends WrapperCommand {

    @Override
    String wrapper() {
        return "SnowflakeLoadT";
    }

    @Override
    Engine engine() {
        return Engine.SNOWFLAKE;
    }

    @Override
    public Integer call() {
        if (host != null) {
            return invocation().io().usage("--host does not apply to Snowflake: give Snowflake.Endpoint in the"
                    + " resource file");
        }
        return run(arg(0, DEFAULT_RESOURCES), arg(1, DEFAULT_ACTIONS), new LinkedHashMap<>(params.params), "snowflake");
    }
}
