package io.dataload.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * MySQL and MariaDB. As the Python wrapper did, a script is sent as one multi-statement text:
 * the server itself parses {@code create procedure ... begin ... end;} and {@code #} comments.
 */
public final class MySqlDialect implements Dialect {

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public List<SqlStatement> statements(String script) {
        int line = 1;
        int i = 0;
        while (i < script.length() && Character.isWhitespace(script.charAt(i))) {
            if (script.charAt(i) == '\n') {
                line++;
            }
            i++;
        }
        String sql = script.strip();
        return sql.isEmpty() ? List.of() : List.of(new SqlStatement(sql, line));
    }

    @Override
    public String procedureCall(Connection connection, String name) {
        return "call " + name + "()";
    }

    @Override
    public void streamResults(Statement statement) throws SQLException {
        statement.setFetchSize(Integer.MIN_VALUE);
    }
}
