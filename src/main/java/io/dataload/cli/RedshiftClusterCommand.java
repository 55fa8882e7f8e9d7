package io.dataload.cli;

import io.dataload.config.ConfigException;
import io.dataload.aws.DbSettings;
import io.dataload.aws.Infrastructure;
import io.dataload.aws.Infrastructure.State;
import io.dataload.config.Resources;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code dataload redshift-cluster create|delete|endpoint|status RESOURCES.yml} (RedshiftCluster.*). */
@Command(name = "redshift-cluster", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"The Redshift cluster of RedshiftCluster.* in the resource file: create, delete, endpoint, status.",
            "Keys: ClusterIdentifier, DBName, MasterUsername, MasterUserPassword, Port, and optionally",
            "NodeType (dc2.large, single node), ClusterSubnetGroupName."})
final class RedshiftClusterCommand extends DatabaseResourceCommand {

    @Override
    String section() {
        return "RedshiftCluster";
    }

    @Override
    String identifierKey() {
        return "ClusterIdentifier";
    }

    @Override
    String noun() {
        return "Redshift cluster";
    }

    @Override
    DbSettings settings(Resources v, String identifier) throws ConfigException {
        return new DbSettings(identifier, "redshift", v.get("RedshiftCluster.NodeType").orElse("dc2.large"), 0,
                v.get("RedshiftCluster.DBName").orElse(null), v.get("RedshiftCluster.MasterUsername").orElse(null),
                v.get("RedshiftCluster.MasterUserPassword").orElse(null), number(v, "RedshiftCluster.Port", 5439),
                v.get("RedshiftCluster.ClusterSubnetGroupName").orElse(null));
    }

    @Override
    void create(Infrastructure aws, DbSettings settings) {
        aws.createCluster(settings);
    }

    @Override
    void delete(Infrastructure aws, String identifier) {
        aws.deleteCluster(identifier);
    }

    @Override
    Optional<State> state(Infrastructure aws, String identifier) {
        return aws.cluster(identifier);
    }
}
