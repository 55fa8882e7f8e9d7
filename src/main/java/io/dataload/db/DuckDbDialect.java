package io.dataload.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** DuckDB: psql-like scripts; a "procedure" is a macro (scalar or table). */
public final class DuckDbDialect implements Dialect {

    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public List<SqlStatement> statements(String script) {
        return ScriptSplitter.split(script);
    }

    @Override
    public String procedureCall(Connection connection, String name) throws SQLException {
        String bare = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        try (PreparedStatement query = connection.prepareStatement(
                "select function_type from duckdb_functions() where lower(function_name) = lower(?) limit 1")) {
            query.setString(1, bare);
            try (ResultSet rows = query.executeQuery()) {
                if (rows.next() && rows.getString(1).startsWith("table")) {
                    return "select * from " + name + "()";
                }
            }
        }
        return "select " + name + "()";
    }
}
