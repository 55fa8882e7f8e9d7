package io.dataload.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.redshift.model.Cluster;
import software.amazon.awssdk.services.redshift.model.ClusterNotFoundException;

/** {@link Infrastructure} with the AWS SDK v2 (RDS, Redshift, EC2). */
public final class SdkInfrastructure implements Infrastructure {
    private final Region region;

    public SdkInfrastructure(String defaultRegion) {
        this.region = SdkAwsServices.region(defaultRegion);
    }

    private RdsClient rds() {
        return RdsClient.builder().region(region).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private RedshiftClient redshift() {
        return RedshiftClient.builder().region(region).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private Ec2Client ec2() {
        return Ec2Client.builder().region(region).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @Override
    public void createDbInstance(DbSettings s) {
        try (RdsClient rds = rds()) {
            rds.createDBInstance(r -> r.dbInstanceIdentifier(s.identifier()).engine(s.engine()).dbInstanceClass(s.nodeType())
                    .allocatedStorage(s.storageGb()).dbName(s.database()).masterUsername(s.user())
                    .masterUserPassword(s.password()).port(s.port()).dbSubnetGroupName(s.subnetGroup()));
        } catch (SdkException e) {
            throw new AwsException("creating RDS instance " + s.identifier() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void deleteDbInstance(String identifier) {
        try (RdsClient rds = rds()) {
            rds.deleteDBInstance(r -> r.dbInstanceIdentifier(identifier).skipFinalSnapshot(true));
        } catch (SdkException e) {
            throw new AwsException("deleting RDS instance " + identifier + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<State> dbInstance(String identifier) {
        try (RdsClient rds = rds()) {
            DBInstance instance = rds.describeDBInstances(r -> r.dbInstanceIdentifier(identifier)).dbInstances().get(0);
            return Optional.of(new State(instance.dbInstanceStatus(), instance.endpoint() == null ? null
                    : new Endpoint(instance.endpoint().address(), instance.endpoint().port())));
        } catch (DbInstanceNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new AwsException("describing RDS instance " + identifier + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void createCluster(DbSettings s) {
        try (RedshiftClient redshift = redshift()) {
            redshift.createCluster(r -> r.clusterIdentifier(s.identifier()).nodeType(s.nodeType()).clusterType("single-node")
                    .dbName(s.database()).masterUsername(s.user()).masterUserPassword(s.password()).port(s.port())
                    .clusterSubnetGroupName(s.subnetGroup()));
        } catch (SdkException e) {
            throw new AwsException("creating Redshift cluster " + s.identifier() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void deleteCluster(String identifier) {
        try (RedshiftClient redshift = redshift()) {
            redshift.deleteCluster(r -> r.clusterIdentifier(identifier).skipFinalClusterSnapshot(true));
        } catch (SdkException e) {
            throw new AwsException("deleting Redshift cluster " + identifier + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<State> cluster(String identifier) {
        try (RedshiftClient redshift = redshift()) {
            Cluster cluster = redshift.describeClusters(r -> r.clusterIdentifier(identifier)).clusters().get(0);
            return Optional.of(new State(cluster.clusterStatus(), cluster.endpoint() == null ? null
                    : new Endpoint(cluster.endpoint().address(), cluster.endpoint().port())));
        } catch (ClusterNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new AwsException("describing Redshift cluster " + identifier + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String createVpc(VpcSettings s) {
        try (Ec2Client ec2 = ec2()) {
            String vpc = ec2.createVpc(r -> r.cidrBlock(s.cidr()).tagSpecifications(named(ResourceType.VPC, s.name())))
                    .vpc().vpcId();
            List<String> publicSubnets = new ArrayList<>();
            for (VpcSettings.Subnet subnet : s.subnets()) {
                String id = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(subnet.cidr()).availabilityZone(subnet.zone())
                        .tagSpecifications(named(ResourceType.SUBNET, s.name() + (subnet.isPublic() ? "-public" : "-private"))))
                        .subnet().subnetId();
                if (subnet.isPublic()) {
                    publicSubnets.add(id);
                }
            }
            String gateway = ec2.createInternetGateway(r -> r.tagSpecifications(named(ResourceType.INTERNET_GATEWAY,
                    s.name()))).internetGateway().internetGatewayId();
            ec2.attachInternetGateway(r -> r.internetGatewayId(gateway).vpcId(vpc));
            String routes = ec2.createRouteTable(r -> r.vpcId(vpc).tagSpecifications(named(ResourceType.ROUTE_TABLE,
                    s.name() + "-public"))).routeTable().routeTableId();
            ec2.createRoute(r -> r.routeTableId(routes).destinationCidrBlock("0.0.0.0/0").gatewayId(gateway));
            for (String subnet : publicSubnets) {
                ec2.associateRouteTable(r -> r.routeTableId(routes).subnetId(subnet));
            }
            String group = ec2.createSecurityGroup(r -> r.groupName(s.name() + "-db").vpcId(vpc)
                    .description("database port of " + s.name())).groupId();
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipProtocol("tcp").fromPort(s.databasePort())
                    .toPort(s.databasePort()).cidrIp(s.cidr()));
            return vpc;
        } catch (SdkException e) {
            throw new AwsException("creating VPC " + s.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void deleteVpc(String name) {
        try (Ec2Client ec2 = ec2()) {
            String vpc = vpcId(ec2, name).orElseThrow(() -> new AwsException("there is no VPC named " + name, null));
            Filter inVpc = Filter.builder().name("vpc-id").values(vpc).build();
            ec2.describeSecurityGroups(r -> r.filters(inVpc)).securityGroups().stream()
                    .filter(g -> !g.groupName().equals("default"))
                    .forEach(g -> ec2.deleteSecurityGroup(r -> r.groupId(g.groupId())));
            ec2.describeRouteTables(r -> r.filters(inVpc)).routeTables().stream()
                    .filter(t -> t.associations().stream().noneMatch(a -> Boolean.TRUE.equals(a.main())))
                    .forEach(t -> {
                        t.associations().forEach(a -> ec2.disassociateRouteTable(r -> r.associationId(a.routeTableAssociationId())));
                        ec2.deleteRouteTable(r -> r.routeTableId(t.routeTableId()));
                    });
            ec2.describeInternetGateways(r -> r.filters(Filter.builder().name("attachment.vpc-id").values(vpc).build()))
                    .internetGateways().forEach(g -> {
                        ec2.detachInternetGateway(r -> r.internetGatewayId(g.internetGatewayId()).vpcId(vpc));
                        ec2.deleteInternetGateway(r -> r.internetGatewayId(g.internetGatewayId()));
                    });
            ec2.describeSubnets(r -> r.filters(inVpc)).subnets()
                    .forEach(subnet -> ec2.deleteSubnet(r -> r.subnetId(subnet.subnetId())));
            ec2.deleteVpc(r -> r.vpcId(vpc));
        } catch (SdkException e) {
            throw new AwsException("deleting VPC " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> vpc(String name) {
        try (Ec2Client ec2 = ec2()) {
            return vpcId(ec2, name);
        } catch (SdkException e) {
            throw new AwsException("describing VPC " + name + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> vpcId(Ec2Client ec2, String name) {
        return ec2.describeVpcs(r -> r.filters(Filter.builder().name("tag:Name").values(name).build())).vpcs().stream()
                .map(v -> v.vpcId()).findFirst();
    }

    private static TagSpecification named(ResourceType type, String name) {
        return TagSpecification.builder().resourceType(type).tags(Tag.builder().key("Name").value(name).build()).build();
    }
}
