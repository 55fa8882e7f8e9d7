package io.dataload.cli;

import io.dataload.db.Engine;
import io.dataload.aws.AwsServices;
import io.dataload.aws.Endpoint;
import io.dataload.aws.SdkAwsServices;
import io.dataload.config.Resources;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * {@code dataload redshift} — the RedshiftLoadT wrapper: connection from {@code RedshiftCluster.*};
 * with {@code Access.RoleArn}, the role's temporary credentials become {@code #aws_access_key_id#},
 * {@code #aws_secret_access_key#} and {@code #aws_session_token#} (for COPY and UNLOAD).
 */
@Command(name = "redshift", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"RedshiftLoadT: RESOURCES.yml ACTIONS.json ACTION [STARTING_TABLE] [ATTEMPT] on Redshift.",
            "Connection from RedshiftCluster.* (Endpoint or ClusterIdentifier looked up in AWS, Port, DBName,",
            "MasterUsername, MasterUserPassword or PGPASSWORD); Access.RoleArn is assumed through STS."})
final class RedshiftCommand extends WrapperCommand {

    @Override
    String wrapper() {
        return "RedshiftLoadT";
    }

    @Override
    Engine engine() {
        return Engine.REDSHIFT;
    }

    @Override
    Endpoint lookup(AwsServices aws, String identifier) {
        return aws.redshiftEndpoint(identifier);
    }

    @Override
    Map<String, String> credentials(Resources values, AwsServices aws) {
        Optional<String> role = values.get("Access.RoleArn");
        if (role.isEmpty()) {
            return new LinkedHashMap<>();
        }
        AwsServices services = aws != null ? aws : new SdkAwsServices(values.get("Region").orElse(null));
        return new LinkedHashMap<>(services.assumeRole(role.get()));
    }
}
