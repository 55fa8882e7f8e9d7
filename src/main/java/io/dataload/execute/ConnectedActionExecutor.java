package io.dataload.execute;

import io.dataload.db.ConnectionSource;
import io.dataload.plan.PlannedAction;
import io.dataload.record.ExecutionLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * An action that needs a database connection: opens one for the action (a failure to connect is
 * the action's failure, so {@code OnError} decides), hands it over, and always closes it.
 */
abstract class ConnectedActionExecutor implements ActionExecutor {
    protected final ConnectionSource source;
    protected final ExecutionLog log;

    ConnectedActionExecutor(ConnectionSource source, ExecutionLog log) {
        this.source = source;
        this.log = log;
    }

    @Override
    public final ActionResult execute(PlannedAction action) {
        Instant start = Instant.now();
        Connection connection;
        try {
            connection = source.open();
        } catch (SQLException e) {
            return ActionResult.failure(SqlErrorText.of(e), "connecting to the database", start);
        }
        try (connection) {
            return run(connection, action, start);
        } catch (SQLException e) {
            return ActionResult.failure(SqlErrorText.of(e), "closing the connection", start);
        }
    }

    /** Runs the action on an open connection with autocommit off. */
    abstract ActionResult run(Connection connection, PlannedAction action, Instant start);

    static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // the connection is broken; the server rolls the transaction back when it goes
        }
    }
}
