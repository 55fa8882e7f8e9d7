package io.dataload.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The demo warehouse's invariants on embedded DuckDB. */
class DuckDbDemoIT extends DemoWarehouseContract {

    @Override
    String engine() {
        return "duckdb";
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("dataload.duckdb"));
    }
}
