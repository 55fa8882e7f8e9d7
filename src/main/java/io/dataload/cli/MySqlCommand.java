package io.dataload.cli;

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
    String section() {
        return "RDS";
    }

    @Override
    String url(String host, String port, String database) {
        return "jdbc:mysql://" + host + ":" + port + "/" + database;
    }

    @Override
    String defaultPort() {
        return "3306";
    }
}
