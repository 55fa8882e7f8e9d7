package io.dataload.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.aws.FakeAws.Request;
import io.dataload.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rds, redshift-cluster and vpc with the real SDK against a local server: the requests and their
 * parameters, and the waiting with progress until the database is available or gone.
 */
class InfrastructureCommandsTest {
    private static final String EC2 = "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";

    @TempDir
    Path dir;
    private FakeAws aws;
    private final Map<String, Function<Request, String>> answers = new HashMap<>();
    private final AtomicInteger describes = new AtomicInteger();

    @BeforeEach
    void server() throws Exception {
        aws = new FakeAws(answers);
        System.setProperty("aws.endpointUrl", aws.url());
        System.setProperty("aws.accessKeyId", "AKIDFAKE");
        System.setProperty("aws.secretAccessKey", "fakeSecret");
        Files.writeString(dir.resolve("res.yml"), """
                Region: "us-west-2"
                RDS:
                  DBName: "MyTest"
                  DBInstanceIdentifier: "MyTest"
                  MasterUsername: "masteruser"
                  MasterUserPassword: "rds-secret-1"
                  Port: "5432"
                RedshiftCluster:
                  DBName: "supportdw"
                  ClusterIdentifier: "Support"
                  MasterUsername: "masteruser"
                  MasterUserPassword: "Rs-secret-1"
                  Port: "5439"
                Vpc:
                  Name: "dw"
                  CidrBlock: "10.1.0.0/16"
                Subnets:
                  - Cidr: "10.1.0.0/24"
                    Public: true
                  - Cidr: "10.1.1.0/24"
                    Public: false
                """);
    }

    @AfterEach
    void stop() {
        for (String name : List.of("aws.endpointUrl", "aws.accessKeyId", "aws.secretAccessKey")) {
            System.clearProperty(name);
        }
        aws.close();
    }

    private CliRun run(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.add(dir.resolve("res.yml").toString());
        if (!args[0].equals("vpc")) {
            all.add("--poll");
            all.add("10ms");
        }
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void rdsCreateWaitsUntilAvailable() {
        answers.put("CreateDBInstance", r -> "<CreateDBInstanceResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
                + "<CreateDBInstanceResult><DBInstance><DBInstanceIdentifier>MyTest</DBInstanceIdentifier></DBInstance>"
                + "</CreateDBInstanceResult></CreateDBInstanceResponse>");
        answers.put("DescribeDBInstances", r -> describes.incrementAndGet() < 3
                ? "<DescribeDBInstancesResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><DescribeDBInstancesResult>"
                + "<DBInstances><DBInstance><DBInstanceStatus>creating</DBInstanceStatus></DBInstance></DBInstances>"
                + "</DescribeDBInstancesResult></DescribeDBInstancesResponse>"
                : FakeAws.describeDbInstance("mytest.abc.us-west-2.rds.amazonaws.com", 5432));
        CliRun run = run("rds", "create");
        assertEquals(0, run.exit(), run.all());
        assertTrue(run.out().startsWith("creating RDS instance MyTest\n  creating after 0s\n  available after "), run.out());
        assertTrue(run.out().endsWith("RDS instance MyTest is available at mytest.abc.us-west-2.rds.amazonaws.com:5432\n"));
        Map<String, String> create = aws.requests().get(0).form();
        assertEquals(List.of("MyTest", "postgres", "db.t3.micro", "masteruser", "rds-secret-1", "5432", "MyTest"),
                List.of(create.get("DBInstanceIdentifier"), create.get("Engine"), create.get("DBInstanceClass"),
                        create.get("MasterUsername"), create.get("MasterUserPassword"), create.get("Port"), create.get("DBName")));
        assertTrue(aws.requests().get(0).authorization().contains("/us-west-2/rds/aws4_request"));
    }

    @Test
    void rdsDeleteWaitsUntilGone() {
        answers.put("DeleteDBInstance", r -> "<DeleteDBInstanceResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
                + "<DeleteDBInstanceResult><DBInstance><DBInstanceIdentifier>MyTest</DBInstanceIdentifier></DBInstance>"
                + "</DeleteDBInstanceResult></DeleteDBInstanceResponse>");
        answers.put("DescribeDBInstances", r -> "!404 <ErrorResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
                + "<Error><Type>Sender</Type><Code>DBInstanceNotFound</Code><Message>DBInstance MyTest not found.</Message>"
                + "</Error><RequestId>1</RequestId></ErrorResponse>");
        CliRun run = run("rds", "delete");
        assertEquals(0, run.exit(), run.all());
        assertEquals("deleting RDS instance MyTest\n  gone after 0s\n", run.out());
        assertEquals("true", aws.requests().get(0).form().get("SkipFinalSnapshot"));
    }

    @Test
    void aWaitThatNeverEndsStopsAtItsDeadline() {
        answers.put("CreateDBInstance", r -> "<CreateDBInstanceResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
                + "<CreateDBInstanceResult><DBInstance><DBInstanceIdentifier>MyTest</DBInstanceIdentifier></DBInstance>"
                + "</CreateDBInstanceResult></CreateDBInstanceResponse>");
        answers.put("DescribeDBInstances", r -> "<DescribeDBInstancesResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
                + "<DescribeDBInstancesResult><DBInstances><DBInstance><DBInstanceStatus>creating</DBInstanceStatus>"
                + "</DBInstance></DBInstances></DescribeDBInstancesResult></DescribeDBInstancesResponse>");
        CliRun run = run("rds", "create", "--timeout", "200ms");
        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().endsWith("RDS instance MyTest is still creating after 200ms; stopped waiting (--timeout)\n"),
                run.out());
    }

    @Test
    void aBadNumberInTheResourceFileIsAProblemOfTheFile() throws Exception {
        Files.writeString(dir.resolve("res.yml"), Files.readString(dir.resolve("res.yml")).replace("RDS:\n",
                "RDS:\n  AllocatedStorage: twenty\n"));
        CliRun run = run("rds", "create");
        assertEquals(2, run.exit(), run.all());
        assertTrue(run.err().contains("RDS.AllocatedStorage must be a whole number, found \"twenty\""), run.err());
        assertTrue(aws.requests().isEmpty(), "nothing was sent");
    }

    @Test
    void redshiftClusterEndpointAndStatus() {
        answers.put("DescribeClusters", r -> FakeAws.describeCluster("support.xyz.us-west-2.redshift.amazonaws.com", 5439));
        CliRun endpoint = run("redshift-cluster", "endpoint");
        assertEquals(0, endpoint.exit(), endpoint.all());
        assertEquals("support.xyz.us-west-2.redshift.amazonaws.com:5439\n", endpoint.out());
        assertEquals("Redshift cluster Support: available\n", run("redshift-cluster", "status").out());
        assertEquals("Support", aws.requests().get(0).form().get("ClusterIdentifier"));
    }

    @Test
    void vpcCreateMakesSubnetsGatewayRoutesAndTheDatabasePort() {
        AtomicInteger subnets = new AtomicInteger();
        answers.put("CreateVpc", r -> "<CreateVpcResponse " + EC2 + "><vpc><vpcId>vpc-1</vpcId></vpc></CreateVpcResponse>");
        answers.put("CreateSubnet", r -> "<CreateSubnetResponse " + EC2 + "><subnet><subnetId>subnet-" + subnets.incrementAndGet()
                + "</subnetId></subnet></CreateSubnetResponse>");
        answers.put("CreateInternetGateway", r -> "<CreateInternetGatewayResponse " + EC2 + "><internetGateway>"
                + "<internetGatewayId>igw-1</internetGatewayId></internetGateway></CreateInternetGatewayResponse>");
        answers.put("AttachInternetGateway", r -> "<AttachInternetGatewayResponse " + EC2 + "><return>true</return>"
                + "</AttachInternetGatewayResponse>");
        answers.put("CreateRouteTable", r -> "<CreateRouteTableResponse " + EC2 + "><routeTable><routeTableId>rtb-1</routeTableId>"
                + "</routeTable></CreateRouteTableResponse>");
        answers.put("CreateRoute", r -> "<CreateRouteResponse " + EC2 + "><return>true</return></CreateRouteResponse>");
        answers.put("AssociateRouteTable", r -> "<AssociateRouteTableResponse " + EC2 + "><associationId>rtbassoc-1"
                + "</associationId></AssociateRouteTableResponse>");
        answers.put("CreateSecurityGroup", r -> "<CreateSecurityGroupResponse " + EC2 + "><groupId>sg-1</groupId>"
                + "</CreateSecurityGroupResponse>");
        answers.put("AuthorizeSecurityGroupIngress", r -> "<AuthorizeSecurityGroupIngressResponse " + EC2 + "><return>true"
                + "</return></AuthorizeSecurityGroupIngressResponse>");
        CliRun run = run("vpc", "create");
        assertEquals(0, run.exit(), run.all());
        assertEquals("created VPC dw (vpc-1) with 2 subnets\n", run.out());
        assertEquals(List.of("CreateVpc", "CreateSubnet", "CreateSubnet", "CreateInternetGateway", "AttachInternetGateway",
                "CreateRouteTable", "CreateRoute", "AssociateRouteTable", "CreateSecurityGroup", "AuthorizeSecurityGroupIngress"),
                aws.requests().stream().map(Request::action).toList());
        Map<String, String> vpc = aws.requests().get(0).form();
        assertEquals("10.1.0.0/16", vpc.get("CidrBlock"));
        assertEquals("dw", vpc.get("TagSpecification.1.Tag.1.Value"));
        assertEquals("subnet-1", aws.requests().get(7).form().get("SubnetId"), "only the public subnet is routed out");
        Map<String, String> ingress = aws.requests().get(9).form();
        assertEquals(List.of("sg-1", "tcp", "5432", "5432", "10.1.0.0/16"), List.of(ingress.get("GroupId"),
                ingress.get("IpProtocol"), ingress.get("FromPort"), ingress.get("ToPort"), ingress.get("CidrIp")));
        assertTrue(aws.requests().get(0).authorization().contains("/us-west-2/ec2/aws4_request"));
    }
}
