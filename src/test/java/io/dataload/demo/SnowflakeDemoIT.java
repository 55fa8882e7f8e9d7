package io.dataload.demo;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The demo warehouse's invariants on Snowflake: the shipped configs/snowflake action files (MERGE-based
 * SCD2) through the unmodified driver and the stand-in, the warehouse checked in the stand-in's database.
 */
class SnowflakeDemoIT extends DemoWarehouseContract {

    @Override
    String engine() {
        return "snowflake";
    }

    @Override
    Connection connect() throws SQLException {
        return servers.snowflake().database();
    }
}
