package io.dataload.record;

import java.util.function.UnaryOperator;

/**
 * Why an action failed, as data: the database's SQLSTATE and vendor code when a database said it,
 * its message, and where — the script file, the statement's number and first line, and the
 * statement's text. {@code context} is the human-readable place ("copy x.csv into t"). The text that
 * {@code OnError} keys are matched against is made from these fields ({@link #errorText()}), never
 * the other way round.
 */
public record Failure(
        String message,
        String sqlState,
        Integer vendorCode,
        String file,
        Integer statement,
        Integer line,
        String statementText,
        String context,
        String vendorCodeText) {

    /** A failure whose vendor code is written as a plain number. */
    public Failure(String message, String sqlState, Integer vendorCode, String file, Integer statement, Integer line,
            String statementText, String context) {
        this(message, sqlState, vendorCode, file, statement, line, statementText, context, null);
    }

    /** The vendor code as the engine writes it (Snowflake pads its codes to six digits: 002003). */
    public String vendorCodeWritten() {
        return vendorCodeText != null ? vendorCodeText : String.valueOf(vendorCode);
    }

    /** A failure that is not the database's (a command's exit code, a missing file, a timeout). */
    public static Failure of(String message, String context) {
        return new Failure(message, null, null, null, null, null, null, context);
    }

    /**
     * The combined text, as MySQL's Python connector printed it and as legacy {@code OnError} keys
     * expect: {@code 1051 (42S02): Unknown table 'x'}; without a vendor code
     * {@code 42P01: ERROR: relation "x" does not exist}; without either the message alone.
     */
    public String errorText() {
        boolean code = vendorCode != null && vendorCode != 0;
        if (code && sqlState != null) {
            return vendorCodeWritten() + " (" + sqlState + "): " + message;
        } else if (code) {
            return vendorCodeWritten() + ": " + message;
        } else if (sqlState != null) {
            return sqlState + ": " + message;
        }
        return message;
    }

    /** Where it happened, for the log: the context, else the file with statement and line. */
    public String where() {
        if (context != null) {
            return context;
        }
        if (file == null) {
            return "";
        }
        return file + (statement == null ? "" : ": statement " + statement + (line == null ? "" : " (line " + line + ")"));
    }

    /** The same failure located in a script: file, statement number, first line, text. */
    public Failure at(String file, Integer statement, Integer line, String statementText) {
        return new Failure(message, sqlState, vendorCode, file, statement, line, statementText, null, vendorCodeText);
    }

    /** The same failure with another context (a timeout says what was stopped). */
    public Failure withContext(String context) {
        return new Failure(message, sqlState, vendorCode, file, statement, line, statementText, context, vendorCodeText);
    }

    /** The same failure with another message. */
    public Failure withMessage(String message) {
        return new Failure(message, sqlState, vendorCode, file, statement, line, statementText, context, vendorCodeText);
    }

    /** Every text field passed through {@code mask} (secrets never reach a record). */
    public Failure masked(UnaryOperator<String> mask) {
        return new Failure(mask.apply(message), sqlState, vendorCode, file, statement, line,
                mask.apply(statementText), mask.apply(context), vendorCodeText);
    }
}
