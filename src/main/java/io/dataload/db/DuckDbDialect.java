package io.dataload.db;

import io.dataload.config.CopySpec;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

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
    public long copyIn(Connection connection, CopyJob job, InputStream data) throws SQLException {
        CopySpec format = job.format();
        String encoding = format.encoding().equalsIgnoreCase("UTF-8") ? ""
                : ", ENCODING " + SqlLiteral.of(format.encoding().toLowerCase(Locale.ROOT));
        String sql = "COPY " + job.table() + " FROM " + SqlLiteral.of(job.file().toString())
                + " (FORMAT csv, AUTO_DETECT false, DELIMITER " + SqlLiteral.of(format.delimiter())
                + ", QUOTE " + SqlLiteral.of(format.quoteChar()) + ", ESCAPE " + SqlLiteral.of(format.quoteChar())
                + ", HEADER " + format.header() + ", NULLSTR " + SqlLiteral.of(format.nullString()) + encoding + ")";
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    @Override
    public java.util.OptionalLong copyOut(Connection connection, String query, io.dataload.config.CsvDialect csv,
            java.io.OutputStream out) throws SQLException, java.io.IOException {
        return DuckDbCopyOut.copyOut(connection, query, csv, out);
    }

    @Override
    public String procedureCall(Connection connection, String name) throws SQLException {
        return Catalog.finds(connection, TABLE_MACRO, name)
                ? "select * from " + name + "()"
                : "select " + name + "()";
    }
}
