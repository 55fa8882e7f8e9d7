package io.dataload.db;

import com.mysql.cj.jdbc.JdbcStatement;
import io.dataload.config.CopySpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * MySQL and MariaDB. A script is sent statement by statement, so that a failure names its own
 * statement and line; a script with compound statements ({@code create procedure ... begin ... end;},
 * {@code begin not atomic}, triggers, events) is sent whole as one multi-statement text, as the
 * Python wrapper did, since only the server parses those.
 */
public final class MySqlDialect implements Dialect {
    /** MySQL's own identifier quotes (double quotes are strings unless ANSI_QUOTES is set). */
    @Override
    public String quoteIdentifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }


    @Override
    public String name() {
        return "mysql";
    }

    /** A statement only the server can split: a stored program's body, or a compound block. */
    private static final Pattern COMPOUND = Pattern.compile(
            "(?is)^\\s*(create\\s+(or\\s+replace\\s+)?(definer\\s*=\\s*\\S+\\s+)?(aggregate\\s+)?"
            + "(procedure|function|trigger|event|package)\\b|begin\\s+not\\s+atomic\\b|delimiter\\b|if\\b|case\\b|while\\b"
            + "|repeat\\b|loop\\b|\\w+\\s*:\\s*(begin|loop|while|repeat)\\b)");

    @Override
    public List<SqlStatement> statements(String script) {
        List<SqlStatement> split = ScriptSplitter.splitMySql(script);
        if (split.stream().noneMatch(statement -> COMPOUND.matcher(statement.sql()).find())) {
            return split;
        }
        int line = 1;
        int i = 0;
        while (i < script.length() && Character.isWhitespace(script.charAt(i))) {
            if (script.charAt(i) == '\n') {
                line++;
            }
            i++;
        }
        String sql = script.strip();
        return sql.isEmpty() ? List.of() : List.of(new SqlStatement(sql, line));
    }

    /**
     * {@code LOAD DATA LOCAL INFILE} fed from a stream of the file. Every column goes through a
     * variable so that the null string becomes NULL (LOAD DATA itself would load '' or 0).
     */
    @Override
    public long copyIn(Connection connection, CopyJob job, InputStream data) throws SQLException {
        CopySpec format = job.format();
        List<String> columns = columns(connection, job.table());
        if (columns.isEmpty()) {
            throw new SQLException("Table '" + job.table() + "' doesn't exist", "42S02", 1146);
        }
        String engine = storageEngine(connection, job.table());
        if (engine != null && !TRANSACTIONAL.contains(engine.toLowerCase(Locale.ROOT))) {
            // a failed load would stay half done: refuse before loading anything
            throw new SQLException(job.table() + " is a " + engine + " table, which cannot roll back: a failed copy"
                    + " would leave part of the file loaded. Convert it (alter table " + job.table() + " engine=InnoDB)"
                    + " or load it with a SQL action", "HY000");
        }
        boolean crlf = endsLinesWithCrlf(job.file());
        // LOAD DATA takes one line terminator: a file that mixes them would load glued or CR-tailed rows
        String mixed = LineEndingCheck.scan(job.file(), crlf, format.quoteChar());
        if (mixed != null) {
            throw new SQLException(mixed, "22P04");
        }
        StringBuilder variables = new StringBuilder();
        StringBuilder assignments = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            String value = "@c" + i;
            variables.append(i == 0 ? "" : ", ").append("@c").append(i);
            assignments.append(i == 0 ? "" : ", ").append('`').append(columns.get(i)).append("` = NULLIF(")
                    .append(value).append(", ").append(literal(format.nullString())).append(')');
        }
        String charset = format.encoding().equalsIgnoreCase("UTF-8") ? "utf8mb4"
                : format.encoding().replace("-", "").toLowerCase(Locale.ROOT);
        String sql = "LOAD DATA LOCAL INFILE " + literal(job.file().toString()) + " INTO TABLE " + job.table()
                + " CHARACTER SET " + charset
                + " FIELDS TERMINATED BY " + literal(String.valueOf(format.delimiter()))
                + " OPTIONALLY ENCLOSED BY " + literal(String.valueOf(format.quoteChar())) + " ESCAPED BY ''"
                + " LINES TERMINATED BY " + (crlf ? "'\\r\\n'" : "'\\n'") + (format.header() ? " IGNORE 1 LINES" : "")
                + (nullsPossible(job) ? " (" + variables + ") SET " + assignments : "");
        try (Statement statement = connection.createStatement()) {
            statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(data);
            long rows = statement.executeLargeUpdate(sql);
            SQLWarning warning = statement.getWarnings();
            if (warning != null) {
                // LOAD DATA turns a bad value into a warning and loads a wrong row: all rows or none
                throw new SQLException(warning.getMessage() + " (in " + job.file().getFileName() + ")",
                        warning.getSQLState(), warning.getErrorCode());
            }
            return rows;
        }
    }

    /**
     * Every column goes through a variable and NULLIF only when the file may hold the null string:
     * always for a null string other than empty, else when the file has an empty field.
     */
    private static boolean nullsPossible(CopyJob job) throws SQLException {
        CopySpec format = job.format();
        if (!format.nullString().isEmpty()) {
            return true;
        }
        try {
            return EmptyFieldScan.hasEmptyField(job.file(), format.delimiter(), format.quoteChar(), format.header());
        } catch (IOException e) {
            throw new SQLException("cannot read " + job.file() + ": " + e.getMessage(), e);
        }
    }

    /** Whether the file's first line ends with CRLF (then all do, as an export writes them). */
    private static boolean endsLinesWithCrlf(Path file) throws SQLException {
        byte[] head = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            for (int i = 0; i < n; i++) {
                if (head[i] == '\n') {
                    return i > 0 && head[i - 1] == '\r';
                }
            }
            return false;
        } catch (IOException e) {
            throw new SQLException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Storage engines whose tables roll back with the transaction. */
    private static final java.util.Set<String> TRANSACTIONAL = java.util.Set.of("innodb", "xtradb", "rocksdb",
            "tokudb", "ndbcluster", "ndb");

    /** The table's storage engine, or null when it is not found (the load then fails on its own). */
    private static String storageEngine(Connection connection, String table) throws SQLException {
        String schema = table.contains(".") ? table.substring(0, table.indexOf('.')) : null;
        String name = table.contains(".") ? table.substring(table.indexOf('.') + 1) : table;
        String sql = "select engine from information_schema.tables where table_schema = "
                + (schema == null ? "database()" : "?") + " and table_name = ?";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int i = 1;
            if (schema != null) {
                query.setString(i++, schema);
            }
            query.setString(i, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        String schema = null;
        String name = table;
        if (table.contains(".")) {
            schema = table.substring(0, table.indexOf('.'));
            name = table.substring(table.indexOf('.') + 1);
        }
        String sql = "select column_name from information_schema.columns where table_schema = "
                + (schema == null ? "database()" : "?") + " and table_name = ? order by ordinal_position";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int i = 1;
            if (schema != null) {
                query.setString(i++, schema);
            }
            query.setString(i, name);
            List<String> columns = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
            return columns;
        }
    }

    /** A MySQL string literal: backslashes are escapes there. */
    @Override
    public String literal(String text) {
        return SqlLiteral.of(text.replace("\\", "\\\\"));
    }

    @Override
    public String castType(String typeName, int jdbcType) {
        String type = typeName.toLowerCase(Locale.ROOT);
        if (type.contains("time")) {
            return "datetime(6)";
        }
        if (type.equals("date")) {
            return "date";
        }
        if (type.contains("int")) {
            return type.contains("unsigned") ? "unsigned" : "signed";
        }
        if (type.contains("decimal")) {
            return "decimal(65,30)";
        }
        return "char";
    }

    @Override
    public String upperBound(Connection connection, java.time.Duration lag) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select cast(now(6) - interval ? microsecond as char)")) {
            query.setLong(1, lag.toNanos() / 1000);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    @Override
    public String procedureCall(Connection connection, String name) {
        return "call " + name + "()";
    }

    @Override
    public void streamResults(Statement statement) throws SQLException {
        statement.setFetchSize(Integer.MIN_VALUE);
    }
}
