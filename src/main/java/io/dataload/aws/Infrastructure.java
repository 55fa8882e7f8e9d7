package io.dataload.aws;

import java.util.Optional;

/** The AWS resources the Python helpers created and removed: RDS instances, Redshift clusters, a VPC. */
public interface Infrastructure {

    /** A resource's state: its status and, once it has one, its endpoint. */
    record State(String status, Endpoint endpoint) {
    }

    void createDbInstance(DbSettings settings);

    void deleteDbInstance(String identifier);

    /** Empty when the instance does not exist. */
    Optional<State> dbInstance(String identifier);

    void createCluster(DbSettings settings);

    void deleteCluster(String identifier);

    Optional<State> cluster(String identifier);

    /** Creates the VPC with its subnets, internet gateway, route table and database security group; returns its id. */
    String createVpc(VpcSettings settings);

    /** Deletes the VPC named {@code name} and everything {@link #createVpc} made in it. */
    void deleteVpc(String name);

    /** The VPC named {@code name}: its id and state, empty when missing. */
    Optional<String> vpc(String name);
}
