package io.dataload.demo;

import io.dataload.execute.LocalServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The demo warehouse's invariants on the local Postgres server. */
class PostgresDemoIT extends DemoWarehouseContract {

    @Override
    String engine() {
        return "postgres";
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(LocalServers.url(engine()).replace("/test?", "/" + database + "?"));
    }
}
