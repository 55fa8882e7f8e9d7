package io.dataload.execute;

import io.dataload.record.Failure;
import java.sql.SQLException;

/**
 * A database failure as a typed {@link Failure}: the driver's message (DuckDB's repeated class name
 * removed), SQLSTATE and vendor code as separate fields.
 */
public final class SqlErrorText {

    /** DuckDB repeats the exception's class name at the start of its messages. */
    private static final String DRIVER_PREFIX = "java.sql.SQLException: ";

    private SqlErrorText() {
    }

    public static Failure failure(SQLException e, String context) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        if (message.startsWith(DRIVER_PREFIX)) {
            message = message.substring(DRIVER_PREFIX.length());
        }
        if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
            // a connection failure: the driver's own words may hide the reason (Connector/J's
            // "Communications link failure") in a cause; name it
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
                message = message.lines().findFirst().orElse(message) + " (" + root.getMessage() + ")";
            }
        }
        Integer code = e.getErrorCode() == 0 ? null : e.getErrorCode();
        // Snowflake writes its codes with six digits (002003), and OnError keys copied from its messages do too
        boolean snowflake = e.getClass().getName().startsWith("net.snowflake.");
        String written = code != null && snowflake ? String.format("%06d", code) : null;
        if (snowflake) {
            // "SQL compilation error:\nObject 'X' does not exist...": one line, as the log prints it
            message = message.replaceAll("\\s*\\n\\s*", " ");
        }
        return new Failure(message, e.getSQLState(), code, null, null, null, null, context, written);
    }
}
