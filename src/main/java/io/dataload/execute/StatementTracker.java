package io.dataload.execute;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hands out the connection of a running action through a proxy that remembers every statement it
 * creates, so that a timeout or an interrupt can cancel what the server is doing (a closed socket
 * alone would leave the query running, holding its locks).
 */
final class StatementTracker {
    private final Connection target;
    private final List<Statement> statements = new CopyOnWriteArrayList<>();
    private final Connection proxy;

    StatementTracker(Connection target) {
        this.target = target;
        this.proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (self, method, args) -> {
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

    /** Cancels every statement still open; errors are of no interest, the action is being stopped. */
    void cancelAll() {
        for (Statement statement : statements) {
            try {
                if (!statement.isClosed()) {
                    statement.cancel();
                }
            } catch (SQLException | RuntimeException e) {
                // the statement is finishing or the connection is gone
            }
        }
    }

    Connection target() {
        return target;
    }
}
