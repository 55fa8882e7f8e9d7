package io.dataload.aws;

import java.util.List;

/** The VPC to create: a name, its CIDR, its subnets (public ones routed to an internet gateway) and the database port. */
public record VpcSettings(String name, String cidr, List<Subnet> subnets, int databasePort) {

    /** One subnet; {@code zone} may be null. */
    public record Subnet(String cidr, boolean isPublic, String zone) {
    }
}
