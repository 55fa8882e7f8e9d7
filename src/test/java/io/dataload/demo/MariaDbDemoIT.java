package io.dataload.demo;

import io.dataload.execute.LocalServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The demo warehouse's invariants on the local MariaDb server. */
class MariaDbDemoIT extends DemoWarehouseContract {

    @Override
    String engine() {
        return "mysql";
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(LocalServers.url(engine()).replace("/test?", "/" + database + "?"));
    }
}
