package io.dataload.plan;

/** How an action's file is run, decided by the action's name. */
public enum ActionKind {
    /** {@code exec}: the file's text is a shell command; no database connection. */
    EXEC,
    /** {@code extract}: the file is a query whose rows are written to a delimited text file. */
    EXTRACT,
    /** Any other name: the file is a SQL script (or a procedure name) run in one transaction. */
    SQL,
    /** An action spec with {@code copy}: a native bulk load of a delimited file. */
    COPY,
    /** An action spec with {@code tableau}: a Tableau extract refresh; no database connection. */
    TABLEAU;

    /** Whether an action of this kind runs on a database connection. */
    public boolean needsConnection() {
        return this != EXEC && this != TABLEAU;
    }

    public static ActionKind of(String action) {
        return switch (action) {
            case "exec" -> EXEC;
            case "extract" -> EXTRACT;
            default -> SQL;
        };
    }
}
