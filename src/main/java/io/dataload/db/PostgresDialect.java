package io.dataload.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** PostgreSQL (and Redshift): psql-like scripts; functions are selected, procedures called. */
public final class PostgresDialect implements Dialect {
    private static final String PROCEDURE =
            "select 1 from pg_proc where proname = lower(?) and prokind = 'p' limit 1";

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
        return Catalog.finds(connection, PROCEDURE, name)
                ? "call " + name + "()"
                : "select " + name + "()";
    }
}
