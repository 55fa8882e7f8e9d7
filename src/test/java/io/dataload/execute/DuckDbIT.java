package io.dataload.execute;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The engine contract on embedded DuckDB (a database file in the test's folder). */
class DuckDbIT extends EngineContract {

    @Override
    String url() {
        return "jdbc:duckdb:test.duckdb";
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("test.duckdb"));
    }

    @Override
    String engine() {
        return "duckdb";
    }

    @Override
    boolean proceduresWrite() {
        return false;
    }
}
