package io.dataload.execute;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hands out the connection of a running action through a proxy that remembers every statement it
 * creates, so that a timeout or an interrupt can cancel what the server is doing (a closed socket
 * alone would leave the query running, holding its locks).
 */
final class StatementTracker {
    private static final Set<String> ALLOWED_AFTER_STOP = Set.of("rollback", "close", "abort", "isClosed",
            "toString", "hashCode", "equals", "unwrap", "isWrapperFor", "getAutoCommit");
    private final Connection target;
    private final List<Statement> statements = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Connection proxy;

    StatementTracker(Connection target) {
        this.target = target;
        this.proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (self, method, args) -> {
                    if (stopped.get() && !ALLOWED_AFTER_STOP.contains(method.getName())) {
                        // nothing more reaches the server once the action is stopped: above all no commit
                        throw new SQLException("the action was stopped", "57014");
                    }
                    try {
                        Object result = method.invoke(target, args);
                        if (result instanceof Statement statement) {
                            statements.add(statement);
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    Connection connection() {
        return proxy;
    }

    /**
     * Marks the action stopped (the connection then refuses everything but rollback and close) and
     * cancels every statement it created. {@code isClosed()} is not asked first: Connector/J answers
     * it under the connection's lock, which the running query holds, so the cancel would wait for
     * the query it should stop; {@code cancel()} itself sends {@code KILL QUERY} on a second connection.
     */
    void cancelAll() {
        stopped.set(true);
        for (Statement statement : statements) {
            try {
                statement.cancel();
            } catch (SQLException | RuntimeException e) {
                // the statement is finishing or the connection is gone
            }
        }
    }

    boolean stopped() {
        return stopped.get();
    }

    Connection target() {
        return target;
    }
}
