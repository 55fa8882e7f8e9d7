package io.dataload.cli;

import io.dataload.aws.AwsException;
import io.dataload.aws.SdkInfrastructure;
import io.dataload.aws.VpcSettings;
import io.dataload.config.ConfigException;
import io.dataload.config.ResourceReader;
import io.dataload.config.Resources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dataload vpc create|delete|status RESOURCES.yml}: a VPC with public and private subnets,
 * an internet gateway routing the public ones, and a security group opening the database port.
 */
@Command(name = "vpc", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"A VPC for the database: create, delete, status.",
            "Keys: Vpc.Name (dataload), Vpc.CidrBlock (10.0.0.0/16), Subnets[i].Cidr, Subnets[i].Public (true/false),",
            "Subnets[i].AvailabilityZone; the security group opens RDS.Port or RedshiftCluster.Port."})
final class VpcCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "create, delete or status")
    String action;

    @Parameters(index = "1", paramLabel = "RESOURCES.yml", arity = "0..1", defaultValue = WrapperCommand.DEFAULT_RESOURCES)
    String resources;

    @Override
    public Integer call() {
        PrintWriterPair io = new PrintWriterPair(spec);
        try {
            Resources v = new ResourceReader().read(resources, Path.of(resources).toAbsolutePath());
            String name = v.get("Vpc.Name").orElse("dataload");
            SdkInfrastructure aws = new SdkInfrastructure(v.get("Region").orElse(null));
            switch (action) {
                case "create" -> {
                    List<VpcSettings.Subnet> subnets = new ArrayList<>();
                    for (int i = 0; v.get("Subnets[" + i + "].Cidr").isPresent(); i++) {
                        String prefix = "Subnets[" + i + "].";
                        subnets.add(new VpcSettings.Subnet(v.get(prefix + "Cidr").get(),
                                v.get(prefix + "Public").map(p -> p.equalsIgnoreCase("true")).orElse(i == 0),
                                v.get(prefix + "AvailabilityZone").orElse(null)));
                    }
                    int port = DatabaseResourceCommand.number(v, "RDS.Port",
                            DatabaseResourceCommand.number(v, "RedshiftCluster.Port", 5432));
                    String id = aws.createVpc(new VpcSettings(name, v.get("Vpc.CidrBlock").orElse("10.0.0.0/16"), subnets, port));
                    io.out().println("created VPC " + name + " (" + id + ") with " + subnets.size() + " subnets");
                }
                case "delete" -> {
                    aws.deleteVpc(name);
                    io.out().println("deleted VPC " + name);
                }
                case "status" -> io.out().println("VPC " + name + ": " + aws.vpc(name).map(id -> "exists (" + id + ")")
                        .orElse("does not exist"));
                default -> throw new ParameterException(spec.commandLine(),
                        "ACTION must be create, delete or status, found \"" + action + "\"");
            }
            io.out().flush();
            return ExitCodes.SUCCESS;
        } catch (ConfigException e) {
            return io.problems(e);
        } catch (AwsException e) {
            return io.aws(e);
        }
    }
}
