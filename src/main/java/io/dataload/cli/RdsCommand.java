package io.dataload.cli;

import io.dataload.config.ConfigException;
import io.dataload.aws.DbSettings;
import io.dataload.aws.Infrastructure;
import io.dataload.aws.Infrastructure.State;
import io.dataload.config.Resources;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code dataload rds create|delete|endpoint|status RESOURCES.yml} (RDS.*). */
@Command(name = "rds", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"The RDS instance of RDS.* in the resource file: create, delete, endpoint, status.",
            "Keys: DBInstanceIdentifier, DBName, MasterUsername, MasterUserPassword, Port, and optionally",
            "Engine (postgres), DBInstanceClass (db.t3.micro), AllocatedStorage (20), DBSubnetGroupName."})
final class RdsCommand extends DatabaseResourceCommand {

    @Override
    String section() {
        return "RDS";
    }

    @Override
    String identifierKey() {
        return "DBInstanceIdentifier";
    }

    @Override
    String noun() {
        return "RDS instance";
    }

    @Override
    DbSettings settings(Resources v, String identifier) throws ConfigException {
        return new DbSettings(identifier, v.get("RDS.Engine").orElse("postgres"),
                v.get("RDS.DBInstanceClass").orElse("db.t3.micro"), number(v, "RDS.AllocatedStorage", 20),
                v.get("RDS.DBName").orElse(null), v.get("RDS.MasterUsername").orElse(null),
                v.get("RDS.MasterUserPassword").orElse(null), number(v, "RDS.Port", 5432),
                v.get("RDS.DBSubnetGroupName").orElse(null));
    }

    @Override
    void create(Infrastructure aws, DbSettings settings) {
        aws.createDbInstance(settings);
    }

    @Override
    void delete(Infrastructure aws, String identifier) {
        aws.deleteDbInstance(identifier);
    }

    @Override
    Optional<State> state(Infrastructure aws, String identifier) {
        return aws.dbInstance(identifier);
    }
}
