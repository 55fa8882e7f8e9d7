package io.dataload.cli;

import io.dataload.db.Engine;
import picocli.CommandLine.Command;

/** {@code dataload mysql} — the MySQLLoadT wrapper (MySQL and MariaDB). */
@Command(name = "mysql", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"MySQLLoadT: RESOURCES.yml ACTIONS.json ACTION [STARTING_TABLE] [ATTEMPT] on MySQL/MariaDB.",
            "Connection from RDS.* of the resource file (Endpoint, Port, DBName, MasterUsername,",
            "MasterUserPassword or MYSQL_PWD). Defaults: ProjectResources.yml StagingArea.json drop, attempt 1.",
            "A script runs as one multi-statement text; LOAD DATA LOCAL INFILE reads files under the working folder."})
final class MySqlCommand extends WrapperCommand {

    @Override
    String wrapper() {
        return "MySQLLoadT";
    }

    @Override
    Engine engine() {
        return Engine.MYSQL;
    }

}
