package io.dataload.state;

import io.dataload.record.IoErrors;
import io.dataload.record.SecretMasker;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The run-history store: every run and every action attempt, in an embedded SQLite file (the
 * default, {@code dataload.db} in the log folder) or in PostgreSQL (schema {@code dataload}) when
 * several machines share it. The schema is created and upgraded by Flyway migrations; Flyway is
 * only started when the store is behind, so a run's start-up does not pay for it. SQLite runs in
 * WAL mode with a busy timeout, so processes writing one file at once all get recorded.
 */
public final class StateStore implements AutoCloseable {
    /** The environment variable that chooses the store when {@code --state} is not given. */
    public static final String ENVIRONMENT = "DATALOAD_STATE";
    /** The newest migration's version: a store at it needs no migration. */
    static final String LATEST = "6";
    private static final String SCHEMA = "dataload";
    private static final int BUSY_TIMEOUT_MS = 60_000;
    private static final Object MIGRATING = new Object();

    private final Connection connection;
    private final String prefix;
    private final String label;

    private StateStore(Connection connection, String prefix, String label) {
        this.connection = connection;
        this.prefix = prefix;
        this.label = label;
    }

    /** The store a command uses: {@code --state}, else {@code DATALOAD_STATE}, else {@code dataload.db} in the log folder. */
    public static String urlFor(String option, Map<String, String> environment, Path logDir) {
        if (option != null && !option.isBlank()) {
            return option.trim();
        }
        String fromEnvironment = environment.get(ENVIRONMENT);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.trim();
        }
        return "jdbc:sqlite:" + logDir.resolve("dataload.db");
    }

    /** Opens the store, creating or upgrading its schema when it is behind. */
    public static StateStore open(String url) throws StateException {
        String label = SecretMasker.none().mask(url);
        try {
            if (url.startsWith("jdbc:sqlite:")) {
                SqliteNative.prepare();
                Path file = Path.of(url.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*", ""));
                if (file.getParent() != null) {
                    IoErrors.createDirectories(file.toAbsolutePath().getParent());
                }
                boolean created = !java.nio.file.Files.exists(file);
                SQLiteDataSource source = sqlite(url);
                // straight to the connection class: org.sqlite.JDBC would register with DriverManager,
                // which then loads every driver on the class path (MySQL, DuckDB, ...) at each start
                Connection connection = new org.sqlite.jdbc4.JDBC4Connection(url, file.toString(),
                        source.getConfig().toProperties());
                if (created && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    // like the logs, readable by its owner only (SQLite gives its -wal and -shm files the same mode)
                    java.nio.file.Files.setPosixFilePermissions(file,
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                }
                if (!current(connection, "")) {
                    // one migration at a time: across processes by a file lock, within this one by a monitor
                    // (a JVM may hold a file's lock only once)
                    synchronized (MIGRATING) {
                        try (FileChannel channel = FileChannel.open(file.resolveSibling(file.getFileName() + ".migrate.lock"),
                                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                                FileLock lock = channel.lock()) {
                            migrate(source, null, null);
                        }
                    }
                }
                return new StateStore(connection, "", label);
            }
            if (url.startsWith("jdbc:postgresql:")) {
                PGSimpleDataSource source = new PGSimpleDataSource();
                source.setURL(url);
                // a schema of its own: dataload, or the URL's currentSchema when it names one
                String schema = source.getCurrentSchema() == null || source.getCurrentSchema().isBlank() ? SCHEMA
                        : source.getCurrentSchema().split(",")[0].trim();
                Connection connection = source.getConnection();
                if (!current(connection, schema + ".")) {
                    migrate(source, schema, null);
                }
                return new StateStore(connection, schema + ".", label);
            }
        } catch (SQLException | IOException | RuntimeException e) {
            throw new StateException("cannot open the run-history store " + label + ": " + reason(e), e);
        }
        throw new StateException("unsupported state store \"" + label + "\": use jdbc:sqlite:FILE or a PostgreSQL URL"
                + " (jdbc:postgresql://HOST/DB)", null);
    }

    static SQLiteDataSource sqlite(String url) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(url);
        return source;
    }

    /** Whether the store's schema is at the newest migration (a cheap query instead of starting Flyway). */
    private static boolean current(Connection connection, String prefix) {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select version from " + prefix + "flyway_schema_history"
                        + " where success = " + (prefix.isEmpty() ? "1" : "true") + " and version is not null"
                        + " order by installed_rank desc limit 1")) {
            return rows.next() && LATEST.equals(rows.getString(1));
        } catch (SQLException e) {
            return false;
        }
    }

    /** Migrates to {@code target} (null: the newest version). */
    static void migrate(DataSource source, String schema, String target) {
        var configuration = Flyway.configure().dataSource(source)
                .locations("classpath:io/dataload/state/migration")
                .loggers("slf4j");
        if (target != null) {
            configuration = configuration.target(target);
        }
        if (schema != null) {
            configuration = configuration.schemas(schema).defaultSchema(schema);
        }
        configuration.load().migrate();
    }

    private static String reason(Exception e) {
        if (e instanceof IOException io) {
            return IoErrors.describe(io);
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return SecretMasker.none().mask(message.lines().findFirst().orElse(message));
    }

    /** The store's connection, for the leases kept in it (callers synchronize on this store). */
    Connection connection() {
        return connection;
    }

    /** The tables' schema prefix ({@code dataload.} on PostgreSQL, empty on SQLite). */
    String prefix() {
        return prefix;
    }

    /** Where the store is, with any password masked, for messages. */
    public String label() {
        return label;
    }

    public synchronized void runStarted(StoredRun run) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into " + prefix + "runs (run_id,"
                + " parent_run_id, trigger_kind, tool, action_file, file_path, action, starting_table, attempt,"
                + " arguments, resource_file, user_name, host, pid, started_ms, finished_ms, outcome, exit_code,"
                + " log_file, trigger_name) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 1;
            insert.setString(i++, run.runId());
            insert.setString(i++, run.parentRunId());
            insert.setString(i++, run.trigger());
            insert.setString(i++, run.tool());
            insert.setString(i++, run.actionFile());
            insert.setString(i++, run.filePath());
            insert.setString(i++, run.action());
            insert.setString(i++, run.startingTable());
            insert.setInt(i++, run.attempt());
            insert.setString(i++, Json.array(run.arguments()));
            insert.setString(i++, run.resourceFile());
            insert.setString(i++, run.user());
            insert.setString(i++, run.host());
            setLong(insert, i++, run.pid());
            insert.setLong(i++, run.startedMs());
            setLong(insert, i++, run.finishedMs());
            insert.setString(i++, run.outcome());
            setInt(insert, i++, run.exitCode());
            insert.setString(i++, run.logFile());
            insert.setString(i, run.triggerName());
            insert.executeUpdate();
        }
    }

    public synchronized void runFinished(String runId, long finishedMs, String outcome, Integer exitCode)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update " + prefix + "runs set finished_ms = ?,"
                + " outcome = ?, exit_code = ? where run_id = ?")) {
            update.setLong(1, finishedMs);
            update.setString(2, outcome);
            setInt(update, 3, exitCode);
            update.setString(4, runId);
            update.executeUpdate();
        }
    }

    public synchronized void attemptRecorded(StoredAttempt attempt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into " + prefix + "attempts (run_id, seq,"
                + " entry, action, script, attempt, started_ms, finished_ms, rows_count, status, sqlstate, vendor_code,"
                + " message, error_file, statement_no, line_no, error_text)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 1;
            insert.setString(i++, attempt.runId());
            insert.setInt(i++, attempt.seq());
            insert.setString(i++, attempt.entry());
            insert.setString(i++, attempt.action());
            insert.setString(i++, attempt.script());
            insert.setInt(i++, attempt.attempt());
            setLong(insert, i++, attempt.startedMs());
            setLong(insert, i++, attempt.finishedMs());
            insert.setLong(i++, attempt.rows());
            insert.setString(i++, attempt.status());
            insert.setString(i++, attempt.sqlState());
            setInt(insert, i++, attempt.vendorCode());
            insert.setString(i++, attempt.message());
            insert.setString(i++, attempt.errorFile());
            setInt(insert, i++, attempt.statement());
            setInt(insert, i++, attempt.line());
            insert.setString(i, attempt.errorText());
            insert.executeUpdate();
        }
    }

    /**
     * Runs started from the command line or a trigger (not chained ones), newest first.
     * {@code outcome}: null for all; {@code filePattern}: a glob on the action file (* and ?), or null.
     */
    public synchronized List<StoredRun> runs(int limit, String outcome, String filePattern) throws SQLException {
        StringBuilder sql = new StringBuilder(SELECT_RUN + " from " + prefix + "runs where parent_run_id is null");
        List<Object> values = new ArrayList<>();
        if (outcome != null) {
            sql.append(" and outcome = ?");
            values.add(outcome);
        }
        if (filePattern != null) {
            sql.append(" and action_file like ? escape '!'");
            values.add(likePattern(filePattern));
        }
        sql.append(" order by started_ms desc, run_id desc limit ?");
        values.add(limit);
        return queryRuns(sql.toString(), values);
    }

    /** Where an incremental extract has got to: the values of its columns in the last row it wrote. */
    public record Watermark(String actionFile, String entry, String action, String target, List<String> columns,
            List<String> values) {
        public Watermark {
            columns = List.copyOf(columns);
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /** An extract's watermark, or null before its first successful run. */
    public synchronized Watermark watermark(String actionFile, String entry, String action, String target)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select columns_json, value_json from " + prefix
                + "watermarks where action_file = ? and entry = ? and action = ? and target = ?")) {
            query.setString(1, actionFile);
            query.setString(2, entry);
            query.setString(3, action);
            query.setString(4, target);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? new Watermark(actionFile, entry, action, target, Json.parseArray(rows.getString(1)),
                        Json.parseNullableArray(rows.getString(2))) : null;
            }
        }
    }

    /** Every watermark of an action file and action (for state show). */
    public synchronized List<Watermark> watermarks(String actionFile, String action) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select entry, target, columns_json, value_json from "
                + prefix + "watermarks where action_file = ? and action = ? order by entry, target")) {
            query.setString(1, actionFile);
            query.setString(2, action);
            List<Watermark> marks = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    marks.add(new Watermark(actionFile, rows.getString(1), action, rows.getString(2),
                            Json.parseArray(rows.getString(3)), Json.parseNullableArray(rows.getString(4))));
                }
            }
            return marks;
        }
    }

    /** Rewinds an extract to its start: its next run reads from the beginning (or its start) again. */
    public synchronized int resetWatermarks(String actionFile, String entry, String action) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from " + prefix + "watermarks where"
                + " action_file = ? and entry = ? and action = ?")) {
            delete.setString(1, actionFile);
            delete.setString(2, entry);
            delete.setString(3, action);
            return delete.executeUpdate();
        }
    }

    /**
     * Records a run's end and moves its extracts' watermarks in one transaction: a watermark never
     * moves without the success it depends on, nor the success without it.
     */
    public synchronized void runFinished(String runId, long finishedMs, String outcome, Integer exitCode,
            List<Watermark> marks) throws SQLException {
        if (marks.isEmpty()) {
            runFinished(runId, finishedMs, outcome, exitCode);
            return;
        }
        connection.setAutoCommit(false);
        try {
            runFinished(runId, finishedMs, outcome, exitCode);
            for (Watermark mark : marks) {
                try (PreparedStatement delete = connection.prepareStatement("delete from " + prefix + "watermarks"
                        + " where action_file = ? and entry = ? and action = ? and target = ?")) {
                    delete.setString(1, mark.actionFile());
                    delete.setString(2, mark.entry());
                    delete.setString(3, mark.action());
                    delete.setString(4, mark.target());
                    delete.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement("insert into " + prefix + "watermarks"
                        + " (action_file, entry, action, target, columns_json, value_json, run_id, updated_ms)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, mark.actionFile());
                    insert.setString(2, mark.entry());
                    insert.setString(3, mark.action());
                    insert.setString(4, mark.target());
                    insert.setString(5, Json.array(mark.columns()));
                    insert.setString(6, Json.array(mark.values()));
                    insert.setString(7, runId);
                    insert.setLong(8, finishedMs);
                    insert.executeUpdate();
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** A ledger row: one version of one item a trigger took. */
    public record LedgerEntry(String source, String key, String version, String status, String runId, int attempts,
            String message) {
    }

    /**
     * Claims an item version for a run: true when this caller now owns it (a new version, or one whose
     * earlier attempts failed and may be tried again, fewer than {@code maxAttempts} times); false when
     * it is done, running elsewhere, or out of attempts. One statement each, so two watchers sharing
     * the store never both claim it.
     */
    public synchronized boolean claim(String source, String key, String version, String runId, int maxAttempts,
            long now) throws SQLException {
        String insert = prefix.isEmpty()
                ? "insert or ignore into ledger (source, item_key, version, status, run_id, attempts, first_seen_ms,"
                        + " updated_ms) values (?, ?, ?, 'running', ?, 1, ?, ?)"
                : "insert into " + prefix + "ledger (source, item_key, version, status, run_id, attempts, first_seen_ms,"
                        + " updated_ms) values (?, ?, ?, 'running', ?, 1, ?, ?) on conflict do nothing";
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setString(1, source);
            statement.setString(2, key);
            statement.setString(3, version);
            statement.setString(4, runId);
            statement.setLong(5, now);
            statement.setLong(6, now);
            if (statement.executeUpdate() == 1) {
                return true;
            }
        }
        try (PreparedStatement retry = connection.prepareStatement("update " + prefix + "ledger set status = 'running',"
                + " run_id = ?, attempts = attempts + 1, updated_ms = ? where source = ? and item_key = ? and version = ?"
                + " and status = 'failed' and attempts < ?")) {
            retry.setString(1, runId);
            retry.setLong(2, now);
            retry.setString(3, source);
            retry.setString(4, key);
            retry.setString(5, version);
            retry.setInt(6, maxAttempts);
            return retry.executeUpdate() == 1;
        }
    }

    /** Ends a claim: done or failed, with why. */
    public synchronized void settle(String source, String key, String version, String status, String message, long now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update " + prefix + "ledger set status = ?,"
                + " message = ?, updated_ms = ? where source = ? and item_key = ? and version = ?")) {
            update.setString(1, status);
            update.setString(2, message);
            update.setLong(3, now);
            update.setString(4, source);
            update.setString(5, key);
            update.setString(6, version);
            update.executeUpdate();
        }
    }

    /** Forgets a claim whose run never ended (the watcher stopped first): the item will be taken again. */
    public synchronized void unclaim(String source, String key, String version) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from " + prefix + "ledger where source = ?"
                + " and item_key = ? and version = ? and status = 'running'")) {
            delete.setString(1, source);
            delete.setString(2, key);
            delete.setString(3, version);
            delete.executeUpdate();
        }
    }

    /** The ledger rows of a source still marked running: after a crash, their runs' outcomes decide. */
    public synchronized List<LedgerEntry> unsettled(String source) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select source, item_key, version, status, run_id,"
                + " attempts, message from " + prefix + "ledger where source = ? and status = 'running'")) {
            query.setString(1, source);
            List<LedgerEntry> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(new LedgerEntry(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getInt(6), rows.getString(7)));
                }
            }
            return entries;
        }
    }

    /** One ledger row, or null. */
    public synchronized LedgerEntry ledger(String source, String key, String version) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select source, item_key, version, status, run_id,"
                + " attempts, message from " + prefix + "ledger where source = ? and item_key = ? and version = ?")) {
            query.setString(1, source);
            query.setString(2, key);
            query.setString(3, version);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? new LedgerEntry(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getInt(6), rows.getString(7)) : null;
            }
        }
    }

    /** The newest run a trigger started under a name (a schedule's job), or null. */
    public synchronized StoredRun lastRun(String trigger, String triggerName) throws SQLException {
        List<StoredRun> found = queryRuns(SELECT_RUN + " from " + prefix + "runs where trigger_kind = ? and trigger_name = ?"
                + " and parent_run_id is null order by started_ms desc limit 1", List.of(trigger, triggerName));
        return found.isEmpty() ? null : found.get(0);
    }

    /** One run by id (or a unique beginning of its id), or null. */
    public synchronized StoredRun run(String id) throws SQLException {
        List<StoredRun> found = queryRuns(SELECT_RUN + " from " + prefix + "runs where run_id like ? order by run_id limit 2",
                List.of(id.toUpperCase(java.util.Locale.ROOT) + "%"));
        return found.size() == 1 ? found.get(0) : null;
    }

    /** An SLA miss of a run ({@code scope} "") or of one of its entries. */
    public record SlaMiss(String runId, String scope, long slaMs, long missedMs, String handlers) {
    }

    /**
     * Records a miss; false when this run and scope already had one (a resumed run keeps its id):
     * the handlers then do not run again.
     */
    public synchronized boolean slaMissed(SlaMiss miss) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into " + prefix + "sla_misses (run_id, scope,"
                + " sla_ms, missed_ms, handlers) values (?, ?, ?, ?, ?) on conflict do nothing")) {
            insert.setString(1, miss.runId());
            insert.setString(2, miss.scope());
            insert.setLong(3, miss.slaMs());
            insert.setLong(4, miss.missedMs());
            insert.setString(5, miss.handlers());
            return insert.executeUpdate() == 1;
        }
    }

    /** What the handlers did, once they ran. */
    public synchronized void slaHandled(String runId, String scope, String handlers) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update " + prefix + "sla_misses set handlers = ?"
                + " where run_id = ? and scope = ?")) {
            update.setString(1, handlers);
            update.setString(2, runId);
            update.setString(3, scope);
            update.executeUpdate();
        }
    }

    public synchronized List<SlaMiss> slaMisses(String runId) throws SQLException {
        List<SlaMiss> misses = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select run_id, scope, sla_ms, missed_ms, handlers from "
                + prefix + "sla_misses where run_id = ? order by missed_ms, scope")) {
            select.setString(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    misses.add(new SlaMiss(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getLong(4),
                            rows.getString(5)));
                }
            }
        }
        return misses;
    }

    /** The runs a run chained to, in the order they ran. */
    public synchronized List<StoredRun> children(String runId) throws SQLException {
        return queryRuns(SELECT_RUN + " from " + prefix + "runs where parent_run_id = ? order by started_ms, run_id",
                List.of(runId));
    }

    /** Every run the given runs chained to, directly or further, in the order they started. */
    public synchronized List<StoredRun> descendants(List<String> runIds) throws SQLException {
        List<StoredRun> all = new ArrayList<>();
        List<String> level = runIds;
        while (!level.isEmpty()) {
            List<StoredRun> found = new ArrayList<>();
            for (int from = 0; from < level.size(); from += 500) {
                List<String> chunk = level.subList(from, Math.min(level.size(), from + 500));
                found.addAll(queryRuns(SELECT_RUN + " from " + prefix + "runs where parent_run_id in ("
                        + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"))
                        + ") order by started_ms, run_id", new ArrayList<>(chunk)));
            }
            all.addAll(found);
            level = found.stream().map(StoredRun::runId).toList();
        }
        return all;
    }

    /** A run's attempts in order. */
    public synchronized List<StoredAttempt> attempts(String runId) throws SQLException {
        return attempts(List.of(runId)).getOrDefault(runId, List.of());
    }

    /** The attempts of several runs, by run, each in order. */
    public synchronized Map<String, List<StoredAttempt>> attempts(List<String> runIds) throws SQLException {
        Map<String, List<StoredAttempt>> byRun = new LinkedHashMap<>();
        for (int from = 0; from < runIds.size(); from += 500) {
            List<String> chunk = runIds.subList(from, Math.min(runIds.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement query = connection.prepareStatement("select run_id, seq, entry, action, script,"
                    + " attempt, started_ms, finished_ms, rows_count, status, sqlstate, vendor_code, message,"
                    + " error_file, statement_no, line_no, error_text from " + prefix + "attempts where run_id in ("
                    + marks + ") order by run_id, seq")) {
                for (int i = 0; i < chunk.size(); i++) {
                    query.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        StoredAttempt attempt = new StoredAttempt(rows.getString(1), rows.getInt(2), rows.getString(3),
                                rows.getString(4), rows.getString(5), rows.getInt(6), getLong(rows, 7),
                                getLong(rows, 8), rows.getLong(9), rows.getString(10), rows.getString(11),
                                getInt(rows, 12), rows.getString(13), rows.getString(14), getInt(rows, 15),
                                getInt(rows, 16), rows.getString(17));
                        byRun.computeIfAbsent(attempt.runId(), k -> new ArrayList<>()).add(attempt);
                    }
                }
            }
        }
        return byRun;
    }

    private static final String SELECT_RUN = "select run_id, parent_run_id, trigger_kind, tool, action_file, file_path,"
            + " action, starting_table, attempt, arguments, resource_file, user_name, host, pid, started_ms,"
            + " finished_ms, outcome, exit_code, log_file, trigger_name";

    private List<StoredRun> queryRuns(String sql, List<Object> values) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                query.setObject(i + 1, values.get(i));
            }
            List<StoredRun> runs = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    runs.add(new StoredRun(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getInt(9),
                            Json.parseArray(rows.getString(10)), rows.getString(11), rows.getString(12),
                            rows.getString(13), getLong(rows, 14), rows.getLong(15), getLong(rows, 16),
                            rows.getString(17), getInt(rows, 18), rows.getString(19), rows.getString(20)));
                }
            }
            return runs;
        }
    }

    /** A glob (* and ?) as a LIKE pattern with ! as the escape. */
    static String likePattern(String glob) {
        StringBuilder like = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> like.append('%');
                case '?' -> like.append('_');
                case '%', '_', '!' -> like.append('!').append(c);
                default -> like.append(c);
            }
        }
        return like.toString();
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static void setInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static Long getLong(ResultSet rows, int index) throws SQLException {
        long value = rows.getLong(index);
        return rows.wasNull() ? null : value;
    }

    private static Integer getInt(ResultSet rows, int index) throws SQLException {
        int value = rows.getInt(index);
        return rows.wasNull() ? null : value;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing is pending: every write commits on its own
        }
    }
}
