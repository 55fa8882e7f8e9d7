package io.dataload.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** DuckDB: psql-like scripts; a "procedure" is a macro (scalar or table). */
public final class DuckDbDialect implements Dialect {
    private static final String TABLE_MACRO = "select 1 from duckdb_functions()"
            + " where lower(function_name) = lower(?) and function_type like 'table%' limit 1";

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
        return Catalog.finds(connection, TABLE_MACRO, name)
                ? "select * from " + name + "()"
                : "select " + name + "()";
    }
}
