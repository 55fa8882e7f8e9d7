package io.dataload.standin.snowflake;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duckdb.DuckDBConnection;

/**
 * One logged-in session: a DuckDB connection of its own on the shared database, with Snowflake's
 * session behaviour — AUTOCOMMIT (a DDL statement commits the open transaction and itself), USE,
 * and the stage commands handed to the {@link Stage}.
 */
final class Session {
    private static final Pattern AUTOCOMMIT = Pattern.compile("(?is).*\\bautocommit\\s*=\\s*(true|false).*");
    /** A Snowflake Scripting procedure with a straight-line body: {@code begin STATEMENT; ... [return X;] end;}. */
    private static final Pattern PROCEDURE = Pattern.compile(
            "(?is)create\\s+(?:or\\s+replace\\s+)?procedure\\s+([\\w.\"]+)\\s*\\([^)]*\\).*?\\bas\\s*\\$\\$(.*)\\$\\$\\s*;?\\s*");
    private static final Pattern CALL = Pattern.compile("(?is)call\\s+([\\w.\"]+)\\s*\\(\\s*\\)\\s*;?\\s*");
    private static final Pattern LEADING_COMMENTS = Pattern.compile("(?s)^(\\s+|--[^\\n]*\\n?|/\\*.*?\\*/)*");

    final SnowflakeStandIn standIn;
    final DuckDBConnection connection;
    String database;
    String schema;
    final String warehouse;
    final String role;

    Session(SnowflakeStandIn standIn, DuckDBConnection connection, String database, String schema, String warehouse,
            String role) throws SQLException {
        this.standIn = standIn;
        this.connection = connection;
        this.database = database;
        this.schema = schema;
        this.warehouse = warehouse;
        this.role = role;
        try (Statement statement = connection.createStatement()) {
            statement.execute("use " + database + "." + schema);
        }
    }

    /** The reply to one query request. */
    synchronized JsonNode execute(String sql, boolean describeOnly, JsonNode bindings) throws IOException {
        String text = LEADING_COMMENTS.matcher(sql).replaceFirst("").strip();
        String first = firstWord(text);
        try {
            switch (first) {
                case "put":
                    return standIn.stage.put(this, text);
                case "copy":
                    return standIn.stage.copyInto(this, text);
                case "remove":
                case "rm":
                    return standIn.stage.remove(this, text);
                case "list":
                case "ls":
                    return standIn.stage.list(this, text);
                case "alter":
                    if (text.toLowerCase(Locale.ROOT).matches("(?s)alter\\s+session\\b.*")) {
                        return alterSession(text);
                    }
                    return ddl(text);
                case "use":
                    return use(text);
                case "begin":
                case "start":
                    execute("begin transaction");
                    return Replies.status(this, Replies.TCL, "Statement executed successfully.");
                case "commit":
                    commit();
                    return Replies.status(this, Replies.TCL, "Statement executed successfully.");
                case "rollback":
                    rollback();
                    return Replies.status(this, Replies.TCL, "Statement executed successfully.");
                case "create":
                    if (PROCEDURE.matcher(text).matches()) {
                        return createProcedure(text);
                    }
                    return ddl(text);
                case "call":
                    return call(text);
                case "drop":
                case "truncate":
                case "comment":
                case "grant":
                case "revoke":
                    return ddl(text);
                default:
                    return run(text, first, describeOnly, bindings);
            }
        } catch (SQLException e) {
            return SnowflakeErrors.of(e);
        }
    }

    /** A DDL statement commits the transaction under way, then runs as a transaction of its own (as Snowflake does). */
    private JsonNode ddl(String sql) throws SQLException {
        commit();
        try (Statement statement = connection.createStatement()) {
            statement.execute(SnowflakeSql.toDuckDb(sql));
        }
        commit();
        return Replies.status(this, Replies.DDL, "Statement executed successfully.");
    }

    private JsonNode run(String sql, String first, boolean describeOnly, JsonNode bindings)
            throws SQLException, IOException {
        String translated = SnowflakeSql.toDuckDb(sql);
        List<JsonNode> values = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = bindings.fields(); it.hasNext();) {
            values.add(it.next().getValue());
        }
        if (describeOnly) {
            return Replies.rows(this, statementType(first), List.of(), List.of());
        }
        try (PreparedStatement statement = connection.prepareStatement(translated)) {
            for (int i = 0; i < values.size(); i++) {
                JsonNode value = values.get(i).path("value");
                statement.setObject(i + 1, value.isNull() ? null : value.asText());
            }
            boolean rows = statement.execute();
            if (rows) {
                try (ResultSet result = statement.getResultSet()) {
                    return ResultRows.reply(this, statementType(first) == Replies.SELECT ? Replies.SELECT
                            : statementType(first), result);
                }
            }
            long count = Math.max(0, statement.getLargeUpdateCount());
            return dml(first, count);
        }
    }

    private JsonNode dml(String first, long count) {
        String n = Long.toString(count);
        return switch (first) {
            case "insert" -> Replies.rows(this, Replies.INSERT, List.<String[]>of(new String[] {"number of rows inserted",
                    "fixed"}), List.<String[]>of(new String[] {n}));
            case "update" -> Replies.rows(this, Replies.UPDATE, List.of(new String[] {"number of rows updated", "fixed"},
                    new String[] {"number of multi-joined rows updated", "fixed"}), List.<String[]>of(new String[] {n, "0"}));
            case "delete" -> Replies.rows(this, Replies.DELETE, List.<String[]>of(new String[] {"number of rows deleted",
                    "fixed"}), List.<String[]>of(new String[] {n}));
            // DuckDB counts a MERGE's rows together: reported as inserted
            case "merge" -> Replies.rows(this, Replies.MERGE, List.of(new String[] {"number of rows inserted", "fixed"},
                    new String[] {"number of rows updated", "fixed"}, new String[] {"number of rows deleted", "fixed"}),
                    List.<String[]>of(new String[] {n, "0", "0"}));
            default -> Replies.status(this, Replies.DDL, "Statement executed successfully.");
        };
    }

    private static int statementType(String first) {
        return switch (first) {
            case "insert" -> Replies.INSERT;
            case "update" -> Replies.UPDATE;
            case "delete" -> Replies.DELETE;
            case "merge" -> Replies.MERGE;
            default -> Replies.SELECT;
        };
    }

    /** Keeps the procedure's statements (Snowflake Scripting is not run by DuckDB: its straight-line body is). */
    private JsonNode createProcedure(String sql) throws SQLException {
        Matcher procedure = PROCEDURE.matcher(sql);
        procedure.matches();
        String body = procedure.group(2).strip().replaceAll("(?is)^begin\\s+", "").replaceAll("(?is)\\bend\\s*;?\\s*$", "");
        List<String> statements = new ArrayList<>();
        for (String statement : body.split(";")) {
            String text = statement.strip();
            if (!text.isEmpty() && !text.toLowerCase(Locale.ROOT).startsWith("return")) {
                statements.add(text);
            }
        }
        commit();
        standIn.procedures.put(name(procedure.group(1)), List.copyOf(statements));
        return Replies.status(this, Replies.DDL, "Function " + name(procedure.group(1)) + " successfully created.");
    }

    private JsonNode call(String sql) throws SQLException, IOException {
        Matcher call = CALL.matcher(sql);
        if (!call.matches() || !standIn.procedures.containsKey(name(call.group(1)))) {
            return Replies.error("002141", "42P01", "SQL compilation error:\nUnknown user-defined function "
                    + (call.matches() ? name(call.group(1)) : sql) + ".");
        }
        for (String statement : standIn.procedures.get(name(call.group(1)))) {
            try (Statement jdbc = connection.createStatement()) {
                jdbc.execute(SnowflakeSql.toDuckDb(statement));
            }
        }
        String name = name(call.group(1));
        return Replies.rows(this, Replies.SELECT, List.<String[]>of(new String[] {name.replaceAll(".*\\.", ""), "text"}),
                List.<String[]>of(new String[] {"done"}));
    }

    private static String name(String text) {
        String name = text.replace("\"", "").toUpperCase(Locale.ROOT);
        return name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
    }

    private JsonNode alterSession(String sql) throws SQLException {
        Matcher autocommit = AUTOCOMMIT.matcher(sql);
        if (autocommit.matches()) {
            boolean on = Boolean.parseBoolean(autocommit.group(1).toLowerCase(Locale.ROOT));
            if (on != connection.getAutoCommit()) {
                if (on) {
                    connection.commit();
                }
                connection.setAutoCommit(on);
            }
        }
        return Replies.status(this, Replies.ALTER_SESSION, "Statement executed successfully.");
    }

    private JsonNode use(String sql) throws SQLException {
        String[] words = sql.replace(";", "").trim().split("\\s+");
        if (words.length == 3 && words[1].equalsIgnoreCase("schema")) {
            String name = words[2];
            if (name.contains(".")) {
                database = name.substring(0, name.indexOf('.')).toUpperCase(Locale.ROOT);
                name = name.substring(name.indexOf('.') + 1);
            }
            schema = name.toUpperCase(Locale.ROOT);
        } else if (words.length == 3 && words[1].equalsIgnoreCase("database")) {
            database = words[2].toUpperCase(Locale.ROOT);
            schema = "PUBLIC";
        } else if (words.length == 2) {
            String name = words[1];
            if (name.contains(".")) {
                database = name.substring(0, name.indexOf('.')).toUpperCase(Locale.ROOT);
                schema = name.substring(name.indexOf('.') + 1).toUpperCase(Locale.ROOT);
            } else {
                database = name.toUpperCase(Locale.ROOT);
                schema = "PUBLIC";
            }
        } else {
            // USE WAREHOUSE / USE ROLE: nothing to emulate
            return Replies.status(this, Replies.USE, "Statement executed successfully.");
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("use " + database + "." + schema);
        }
        return Replies.status(this, Replies.USE, "Statement executed successfully.");
    }

    void commit() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private void rollback() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static String firstWord(String text) {
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end).toLowerCase(Locale.ROOT);
    }

    void close() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            connection.close();
        } catch (SQLException e) {
            // gone already
        }
    }
}
