package io.dataload.execute;

import io.dataload.config.Retry;
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
    private final Interruption interruption;

    ConnectedActionExecutor(ConnectionSource source, ExecutionLog log, Interruption interruption) {
        this.source = source;
        this.log = log;
        this.interruption = interruption;
    }

    @Override
    public final ActionResult execute(PlannedAction action) {
        Instant start = Instant.now();
        Connection connection;
        try {
            connection = source.open();
        } catch (SQLException e) {
            return ActionResult.failure(SqlErrorText.failure(e, "connecting to " + source.describe()), start);
        }
        StatementTracker tracker = new StatementTracker(connection);
        ActionResult result;
        try (ActionTimer timer = ActionTimer.start(action.timeout(), () -> stop(tracker));
                AutoCloseable registration = interruption.register(() -> stop(tracker))) {
            result = run(tracker.connection(), action, start);
            if (timer.expired() && !result.ok()) {
                result = ActionResult.failure(result.failure().withMessage(ActionTimer.TIMEOUT)
                        .withContext(result.where() + ", stopped after " + Retry.describe(action.timeout())),
                        start);
            }
        } catch (Exception e) {
            throw new IllegalStateException("unregistering a finished action", e);
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // an aborted connection may complain; only a successful action is failed by it
            if (result.ok()) {
                result = ActionResult.failure(SqlErrorText.failure(e, "closing the connection"), start);
            }
        }
        return result;
    }

    /** Runs the action on an open connection with autocommit off. */
    abstract ActionResult run(Connection connection, PlannedAction action, Instant start);

    /** Stops what the action is doing: cancels its statements, then drops the connection (the server rolls back). */
    private void stop(StatementTracker tracker) {
        tracker.cancelAll();
        source.dialect().cancel(tracker.target());
        abort(tracker.target());
    }

    private static void abort(Connection connection) {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already gone
            }
        }
    }

    static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // the connection is broken; the server rolls the transaction back when it goes
        }
    }
}
