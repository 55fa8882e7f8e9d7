package io.dataload.execute;

import io.dataload.db.ConnectionSource;
import io.dataload.db.Dialect;
import io.dataload.db.ProcedureName;
import io.dataload.db.SqlStatement;
import io.dataload.plan.PlannedAction;
import io.dataload.record.Failure;
import io.dataload.record.ExecutionLog;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Any action other than {@code exec} and {@code extract}: runs the script's statements on one
 * connection in one transaction, committed on success and rolled back on failure. A script that
 * is only a name calls that procedure.
 */
public final class SqlActionExecutor extends ConnectedActionExecutor {

    public SqlActionExecutor(ConnectionSource source, ExecutionLog log, Interruption interruption) {
        super(source, log, interruption);
    }

    @Override
    ActionResult run(Connection connection, PlannedAction action, Instant start) {
        Dialect dialect = source.dialect();
        List<SqlStatement> statements;
        int index = 0;
        SqlStatement current = null;
        int[] results = new int[1];
        try {
            Optional<String> procedure = ProcedureName.of(action.script());
            statements = procedure.isPresent()
                    ? List.of(new SqlStatement(dialect.procedureCall(connection, procedure.get()), 1))
                    : dialect.statements(action.script());
            long rows = 0;
            for (SqlStatement statement : statements) {
                index++;
                current = statement;
                log.detail(action.name(), statement.sql());
                rows += run(connection, statement.sql(), results);
            }
            connection.commit();
            return ActionResult.success(rows, start);
        } catch (SQLException e) {
            rollback(connection);
            Failure failure = SqlErrorText.failure(e, null);
            if (current == null) {
                return ActionResult.failure(failure.at(action.scriptDisplay(), null, null, null), start);
            }
            if (results[0] > 0) {
                // a multi-statement text (MySQL): the failing statement is the one after those that returned
                return ActionResult.failure(failure.at(action.scriptDisplay(), results[0] + 1, null, current.sql()),
                        start);
            }
            return ActionResult.failure(failure.at(action.scriptDisplay(), index, current.line(), current.sql()),
                    start);
        }
    }

    /**
     * Runs one statement text and consumes all its results; {@code results[0]} counts the results
     * seen, which locates the failing statement of a multi-statement text (MySQL).
     */
    private static long run(Connection connection, String sql, int[] results) throws SQLException {
        results[0] = 0;
        long rows = 0;
        try (Statement statement = connection.createStatement()) {
            boolean isResultSet = statement.execute(sql);
            while (true) {
                if (isResultSet) {
                    try (ResultSet ignored = statement.getResultSet()) {
                        // a query's rows are not needed; the result is closed to free the server
                    }
                } else {
                    long count = statement.getUpdateCount();
                    if (count == -1) {
                        break;
                    }
                    rows += count;
                }
                results[0]++;
                isResultSet = statement.getMoreResults();
            }
        }
        results[0] = 0;
        return rows;
    }
}
