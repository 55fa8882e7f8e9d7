package io.dataload.db;

import io.dataload.config.CopySpec;
import io.dataload.config.CsvDialect;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.postgresql.PGConnection;

/** PostgreSQL (and Redshift): psql-like scripts; functions are selected, procedures called. */
public final class PostgresDialect implements Dialect {
    private static final int BUFFER = 1 << 16;
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
    public long copyIn(Connection connection, CopyJob job, InputStream data) throws SQLException, IOException {
        return copy(connection, job, data, job.format().header());
    }

    @Override
    public boolean parallelCopy() {
        return true;
    }

    @Override
    public long copyPart(Connection connection, CopyJob job, InputStream records) throws SQLException, IOException {
        return copy(connection, job, records, false);
    }

    private static long copy(Connection connection, CopyJob job, InputStream data, boolean header)
            throws SQLException, IOException {
        CopySpec format = job.format();
        String encoding = format.encoding().equalsIgnoreCase("UTF-8") ? "UTF8" : format.encoding();
        String sql = "COPY " + job.table() + " FROM STDIN WITH (FORMAT csv, DELIMITER " + SqlLiteral.of(format.delimiter())
                + ", QUOTE " + SqlLiteral.of(format.quoteChar()) + ", HEADER " + header
                + ", NULL " + SqlLiteral.of(format.nullString()) + ", ENCODING " + SqlLiteral.of(encoding) + ")";
        return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, data, BUFFER);
    }

    @Override
    public OptionalLong copyOut(Connection connection, String query, CsvDialect csv, OutputStream out)
            throws SQLException, IOException {
        Optional<PostgresCopyOut.Copy> copy = PostgresCopyOut.statement(connection, query, csv);
        return copy.isEmpty() ? OptionalLong.empty() : OptionalLong.of(PostgresCopyOut.run(connection, copy.get(), csv, out));
    }

    /** TRUNCATE is transactional in PostgreSQL, and far quicker than a DELETE of every row. */
    @Override
    public String truncate(String table) {
        return "truncate table " + table;
    }

    @Override
    public void cancel(Connection connection) {
        try {
            connection.unwrap(PGConnection.class).cancelQuery();
        } catch (SQLException e) {
            // nothing running, or the connection is gone
        }
    }

    @Override
    public String procedureCall(Connection connection, String name) throws SQLException {
        return Catalog.finds(connection, PROCEDURE, name)
                ? "call " + name + "()"
                : "select " + name + "()";
    }
}
