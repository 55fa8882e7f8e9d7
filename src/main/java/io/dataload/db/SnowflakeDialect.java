package io.dataload.db;

import io.dataload.config.CopySpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Snowflake: psql-like scripts, procedures called with CALL, string literals with backslash
 * escapes. Its bulk path is PUT (the driver uploads the files, compressed and in parallel, to the
 * table's stage under a prefix of this load's own) then COPY INTO naming exactly those files, in
 * the action's transaction. The load fails unless every file was uploaded and Snowflake reports as
 * many rows loaded as the files hold: a PUT that uploads nothing, followed by a COPY of an empty
 * stage, otherwise "succeeds" with no rows.
 */
public final class SnowflakeDialect implements Dialect {
    /** Files uploaded at once by a PUT. */
    private static final int PUT_PARALLEL = 4;

    @Override
    public String name() {
        return "snowflake";
    }

    @Override
    public List<SqlStatement> statements(String script) {
        return ScriptSplitter.split(script);
    }

    @Override
    public String procedureCall(Connection connection, String name) {
        return "call " + name + "()";
    }

    /** A Snowflake string literal: backslashes are escapes there, as in MySQL. */
    @Override
    public String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    public long copyIn(Connection connection, CopyJob job, InputStream data) throws SQLException, IOException {
        return copyIn(connection, job, List.of(job.file()), file -> data);
    }

    @Override
    public long copyIn(Connection connection, CopyJob job, List<Path> files, FileOpener opener)
            throws SQLException, IOException {
        CopySpec format = job.format();
        // what the files hold, counted as Snowflake's CSV reader splits records
        Map<String, Long> expected = new LinkedHashMap<>();
        for (Path file : files) {
            try (InputStream in = opener.open(file)) {
                expected.put(stagedName(file), CsvRecordCount.of(in, format.quoteChar(), format.header()));
            }
        }
        String stage = tableStage(job.table()) + "/dataload/" + UUID.randomUUID() + "/";
        try (Statement statement = connection.createStatement()) {
            try {
                for (Path file : files) {
                    put(statement, file, stage);
                }
                return copy(statement, job, stage, expected);
            } finally {
                // what the COPY did not purge (a failure) leaves the stage with the load
                try {
                    statement.execute("REMOVE " + literal(stage));
                } catch (SQLException e) {
                    // the load's own outcome is what the action reports
                }
            }
        }
    }

    /** PUT one file; a file the driver did not upload (skipped, or nothing matched) fails the load. */
    private void put(Statement statement, Path file, String stage) throws SQLException {
        String sql = "PUT " + literal("file://" + file.toAbsolutePath()) + " " + literal(stage) + " PARALLEL = "
                + PUT_PARALLEL + " AUTO_COMPRESS = TRUE SOURCE_COMPRESSION = AUTO_DETECT OVERWRITE = TRUE";
        List<String> uploaded = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String status = rows.getString("status");
                if (!"UPLOADED".equalsIgnoreCase(status)) {
                    throw new SQLException("PUT did not upload " + rows.getString("source") + " (status " + status
                            + (rows.getString("message") == null || rows.getString("message").isEmpty() ? ""
                            : ": " + rows.getString("message")) + "); nothing was loaded", "58030");
                }
                uploaded.add(rows.getString("source"));
            }
        }
        if (uploaded.isEmpty()) {
            throw new SQLException("PUT uploaded nothing for " + file + "; nothing was loaded", "58030");
        }
    }

    private long copy(Statement statement, CopyJob job, String stage, Map<String, Long> expected) throws SQLException {
        CopySpec format = job.format();
        List<String> names = new ArrayList<>();
        expected.keySet().forEach(name -> names.add(literal(name)));
        boolean emptyIsNull = format.nullString().isEmpty();
        String sql = "COPY INTO " + job.table() + " FROM " + stage + " FILES = (" + String.join(", ", names) + ")"
                + " FILE_FORMAT = (TYPE = CSV FIELD_DELIMITER = " + literal(String.valueOf(format.delimiter()))
                + " FIELD_OPTIONALLY_ENCLOSED_BY = " + literal(String.valueOf(format.quoteChar()))
                + " ESCAPE_UNENCLOSED_FIELD = NONE SKIP_HEADER = " + (format.header() ? 1 : 0)
                + " NULL_IF = (" + (emptyIsNull ? "" : literal(format.nullString())) + ")"
                + " EMPTY_FIELD_AS_NULL = " + (emptyIsNull ? "TRUE" : "FALSE")
                + " ENCODING = " + literal(format.encoding().equalsIgnoreCase("UTF-8") ? "UTF8" : format.encoding())
                + ") ON_ERROR = ABORT_STATEMENT PURGE = TRUE";
        long loaded = 0;
        Map<String, String> statuses = new LinkedHashMap<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            boolean perFile = rows.getMetaData().getColumnCount() > 1;
            while (rows.next()) {
                if (!perFile) {
                    // "Copy executed with 0 files processed."
                    statuses.put("(no file)", rows.getString(1));
                    continue;
                }
                String file = rows.getString("file");
                String status = rows.getString("status");
                statuses.put(file, status);
                if ("LOADED".equalsIgnoreCase(status) || "PARTIALLY_LOADED".equalsIgnoreCase(status)) {
                    loaded += rows.getLong("rows_loaded");
                }
            }
        }
        long files = expected.values().stream().mapToLong(Long::longValue).sum();
        boolean everyFile = statuses.size() == expected.size()
                && statuses.values().stream().allMatch("LOADED"::equalsIgnoreCase);
        if (loaded != files || !everyFile) {
            throw new SQLException("COPY INTO " + job.table() + " loaded " + loaded + " rows, the files hold " + files
                    + " (" + describe(statuses) + "); the load is rolled back", "22000");
        }
        return loaded;
    }

    private static String describe(Map<String, String> statuses) {
        List<String> parts = new ArrayList<>();
        statuses.forEach((file, status) -> parts.add(file + ": " + status));
        return parts.isEmpty() ? "no file reported" : String.join(", ", parts);
    }

    /** The name PUT gives a file on the stage: compressed with gzip unless it already is. */
    static String stagedName(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String compressed : List.of(".gz", ".bz2", ".brotli", ".zst", ".deflate", ".raw_deflate")) {
            if (lower.endsWith(compressed)) {
                return name;
            }
        }
        return name + ".gz";
    }

    /** The table's own stage: {@code @%T}, or {@code @DB.SCHEMA.%T} for a qualified name. */
    static String tableStage(String table) {
        String name = table.strip();
        int dot = lastDotOutsideQuotes(name);
        return dot < 0 ? "@%" + name : "@" + name.substring(0, dot + 1) + "%" + name.substring(dot + 1);
    }

    private static int lastDotOutsideQuotes(String name) {
        boolean quoted = false;
        int dot = -1;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                dot = i;
            }
        }
        return dot;
    }

    /**
     * The driver names types its own way (NUMBER, TIMESTAMPNTZ): a watermark's text is cast to the
     * standard name of the column's JDBC type instead, which Snowflake takes as an alias.
     */
    @Override
    public String castType(String typeName, int jdbcType) {
        return switch (jdbcType) {
            case java.sql.Types.TIMESTAMP, java.sql.Types.TIMESTAMP_WITH_TIMEZONE -> "timestamp";
            case java.sql.Types.BIGINT, java.sql.Types.INTEGER, java.sql.Types.SMALLINT, java.sql.Types.TINYINT -> "bigint";
            case java.sql.Types.DECIMAL, java.sql.Types.NUMERIC -> "decimal(38, 12)";
            case java.sql.Types.DOUBLE, java.sql.Types.FLOAT, java.sql.Types.REAL -> "double";
            case java.sql.Types.DATE -> "date";
            case java.sql.Types.TIME -> "time";
            default -> "varchar";
        };
    }

    /**
     * Snowflake has only READ COMMITTED, and has no engine export here: an extract's window reads
     * its last row from the result set it writes, so one statement is the snapshot.
     */
    @Override
    public void snapshot(Connection connection) {
    }

    @Override
    public String upperBound(Connection connection, java.time.Duration lag) throws SQLException {
        try (Statement query = connection.createStatement(); ResultSet row = query.executeQuery(
                "select to_varchar(dateadd('microsecond', -" + lag.toNanos() / 1000
                        + ", localtimestamp()), 'YYYY-MM-DD HH24:MI:SS.FF6')")) {
            row.next();
            return row.getString(1);
        }
    }
}
