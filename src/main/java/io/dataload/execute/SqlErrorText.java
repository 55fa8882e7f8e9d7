package io.dataload.execute;

import java.sql.SQLException;

/**
 * The error text of a database failure, as MySQL's Python connector printed it and as legacy
 * {@code OnError} keys expect: {@code 1051 (42S02): Unknown table 'x'}. Without a vendor code
 * (PostgreSQL) it is {@code 42P01: ERROR: relation "x" does not exist}.
 */
public final class SqlErrorText {

    /** DuckDB repeats the exception's class name at the start of its messages. */
    private static final String DRIVER_PREFIX = "java.sql.SQLException: ";

    private SqlErrorText() {
    }

    public static String of(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        if (message.startsWith(DRIVER_PREFIX)) {
            message = message.substring(DRIVER_PREFIX.length());
        }
        int code = e.getErrorCode();
        String state = e.getSQLState();
        if (code != 0 && state != null) {
            return code + " (" + state + "): " + message;
        } else if (code != 0) {
            return code + ": " + message;
        } else if (state != null) {
            return state + ": " + message;
        }
        return message;
    }
}
