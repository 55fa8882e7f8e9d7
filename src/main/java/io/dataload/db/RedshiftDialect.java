package io.dataload.db;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Redshift: psql-like scripts, procedures called with CALL. It has no COPY FROM STDIN: data is
 * loaded from S3 with a COPY statement in a script.
 */
public final class RedshiftDialect implements Dialect {

    @Override
    public String name() {
        return "redshift";
    }

    @Override
    public List<SqlStatement> statements(String script) {
        return ScriptSplitter.split(script);
    }

    @Override
    public String procedureCall(Connection connection, String name) {
        return "call " + name + "()";
    }

    @Override
    public long copyIn(Connection connection, CopyJob job, InputStream data) throws SQLException {
        throw new SQLException("Redshift cannot load a local file with \"copy\": load from S3 with a COPY statement"
                + " in a script (see configs/redshift)");
    }
}
