package io.dataload.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** PostgreSQL (and Redshift): psql-like scripts; functions are selected, procedures called. */
public final class PostgresDialect implements Dialect {

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public List<SqlStatement> statements(String script) {
        return ScriptSplitter.split(script);
    }

    @Override
    public String procedureCall(Connection connection, String name) throws SQLException {
        String bare = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        try (PreparedStatement query = connection.prepareStatement(
                "select 1 from pg_proc where proname = lower(?) and prokind = 'p' limit 1")) {
            query.setString(1, bare);
            try (ResultSet rows = query.executeQuery()) {
                if (rows.next()) {
                    return "call " + name + "()";
                }
            }
        }
        return "select " + name + "()";
    }
}
