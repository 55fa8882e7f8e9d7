package io.dataload.execute;

import io.dataload.config.CsvDialect;
import io.dataload.config.FileOutput;
import io.dataload.output.Columns;
import io.dataload.output.Compression;
import io.dataload.output.LocalLake;
import io.dataload.output.PartFileName;
import io.dataload.output.PartitionPath;
import io.dataload.output.PartitionedOutput;
import io.dataload.output.RowWriter;
import io.dataload.output.RowWriters;
import io.dataload.db.ConnectionSource;
import io.dataload.db.SqlStatement;
import io.dataload.plan.PlannedAction;
import io.dataload.record.ExecutionLog;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code extract}: runs the script (the last statement is the query) and streams its rows to the
 * target file — as Python's csv module would write them, or as JSON lines, Parquet or Avro,
 * compressed if asked. The rows go to a temporary file in the target's folder, renamed over the
 * target only when complete; with {@code partition_by} the target is a folder of Hive-style
 * partitions ({@link PartitionedOutput}).
 */
public final class ExtractActionExecutor extends ConnectedActionExecutor {
    private static final int BUFFER = 1 << 16;
    /** Set to false ({@code -Ddataload.extract.native=false}) to always read a result set; the tests compare both. */
    private static final String NATIVE = "dataload.extract.native";

    private final ExtractContext context;

    public ExtractActionExecutor(ConnectionSource source, ExecutionLog log, Interruption interruption) {
        this(source, log, interruption, ExtractContext.NONE);
    }

    public ExtractActionExecutor(ConnectionSource source, ExecutionLog log, Interruption interruption,
            ExtractContext context) {
        super(source, log, interruption);
        this.context = context;
    }

    @Override
    ActionResult run(Connection connection, PlannedAction action, Instant start) {
        Path temp = null;
        PartitionedOutput partitions = null;
        RowWriters writers = null;
        try {
            List<SqlStatement> statements = source.dialect().statements(action.script());
            if (statements.isEmpty()) {
                return ActionResult.failure("the extract script has no query", action.scriptDisplay(), start);
            }
            PlannedAction.ExtractTo extract = action.extract();
            FileOutput output = extract.output();
            Window window = null;
            if (extract.incremental() != null) {
                // one snapshot for the export and the watermark read after it (the engine's own export
                // gives no last row): nothing committed in between can slip under the watermark
                source.dialect().snapshot(connection);
                try {
                    window = window(connection, statements.get(statements.size() - 1).sql(), action);
                } catch (IllegalArgumentException e) {
                    return ActionResult.failure(e.getMessage(), action.scriptDisplay(), start);
                }
            }
            Path target = Path.of(extract.file().toString()
                    .replace("#extract_from#", window == null ? "all" : window.fromForName())
                    .replace("#extract_to#", window == null ? "all" : forName(window.upper()))
                    .replace("#run_id#", context.runId()));
            if (output.streamCompressed() && !output.partitioned()
                    && !target.getFileName().toString().endsWith(output.extension().substring(output.format().length() + 1))) {
                // a compressed file says so: events.jsonl becomes events.jsonl.gz
                target = target.resolveSibling(target.getFileName() + output.extension().substring(output.format().length() + 1));
            }
            long rows = 0;
            for (int i = 0; i < statements.size(); i++) {
                SqlStatement statement = statements.get(i);
                log.detail(action.name(), statement.sql());
                try (Statement jdbc = connection.createStatement()) {
                    if (i < statements.size() - 1) {
                        jdbc.execute(statement.sql());
                        continue;
                    }
                    String query = window == null ? statement.sql() : window.sql();
                    if (output.partitioned()) {
                        // checked before anything is written: the partition columns are the query's
                        Columns columns = probe(connection, query);
                        PartitionPath path;
                        try {
                            path = new PartitionPath(output.partitionBy(), columns);
                        } catch (IllegalArgumentException e) {
                            rollback(connection);
                            return ActionResult.badInput(e.getMessage() + " (" + action.scriptDisplay() + ")",
                                    action.scriptDisplay(), start);
                        }
                        LocalLake lake = new LocalLake(target);
                        Files.createDirectories(lake.root());
                        writers = new RowWriters(output, extract.csv(), columns, lake.root());
                        partitions = new PartitionedOutput(lake, writers, path, context.runId(),
                                PartFileName.tag(action.name(), window == null ? "all" : window.from()), output.extension());
                        rows = extractPartitioned(jdbc, query, path, partitions, action, window);
                    } else {
                        Files.createDirectories(target.toAbsolutePath().getParent());
                        temp = partFile(target);
                        rows = extract(connection, jdbc, window == null ? query : window.ordered(), temp, action, window);
                    }
                } catch (SQLException e) {
                    rollback(connection);
                    return ActionResult.failure(SqlErrorText.failure(e, null).at(action.scriptDisplay(), i + 1,
                            statement.line(), statement.sql()), start);
                }
            }
            if (partitions != null && window != null && rows > 0) {
                rememberLast(connection, window);
            }
            connection.commit();
            String manifest = action.extract().manifest();
            if (window != null && rows == 0) {
                // nothing changed: no data file, and the watermark stays where it is
                log.add(action.name(), "no new rows after " + window.from() + "; no file written");
                if (manifest != null) {
                    context.extracted(manifestPath(manifest), action.name(), null, 0, 0, null, window.from(), window.upper());
                }
                if (partitions != null) {
                    partitions.commit(context::endedWithoutSuccess);
                }
                return ActionResult.success(0, start);
            }
            if (partitions != null) {
                List<PartitionedOutput.Committed> files = partitions.commit(context::endedWithoutSuccess);
                if (manifest != null) {
                    for (PartitionedOutput.Committed file : files) {
                        context.extracted(manifestPath(manifest), action.name(), file.file(), file.rows(), file.bytes(),
                                sha256(file.file()), window == null ? null : window.from(), window == null ? null : window.upper());
                    }
                }
                log.add(action.name(), "wrote " + rows + " rows" + (window == null ? "" : " (after " + window.from()
                        + ", up to " + window.upper() + ")") + " in " + files.size() + " file" + (files.size() == 1 ? "" : "s")
                        + " of " + files.stream().map(PartitionedOutput.Committed::partition).distinct().count()
                        + " partitions under " + target);
            } else {
                String sha256 = manifest == null ? null : sha256(temp);
                long bytes = Files.size(temp);
                move(temp, target);
                temp = null;
                if (manifest != null) {
                    context.extracted(manifestPath(manifest), action.name(), target, rows, bytes, sha256,
                            window == null ? null : window.from(), window == null ? null : window.upper());
                }
                log.add(action.name(), "wrote " + rows + " rows" + (window == null ? "" : " (after " + window.from()
                        + ", up to " + window.upper() + ")") + " to " + target.getFileName());
            }
            if (window != null) {
                context.advance(action.name(), "extract", extract.file().toString(), extract.incremental().columns(),
                        window.last());
            }
            return ActionResult.success(rows, start);
        } catch (SQLException e) {
            return ActionResult.failure(SqlErrorText.failure(e, action.scriptDisplay()), start);
        } catch (IOException e) {
            return ActionResult.failure("cannot write " + action.extract().file() + ": " + e.getMessage(),
                    action.scriptDisplay(), start);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    log.add(action.name(), "could not remove the partial file " + temp + ": " + e.getMessage());
                }
            }
            if (partitions != null) {
                try {
                    partitions.close();
                } catch (IOException e) {
                    log.add(action.name(), "could not remove the partial files under " + action.extract().file() + ": "
                            + e.getMessage());
                }
            }
            if (writers != null) {
                try {
                    writers.close();
                } catch (IOException e) {
                    log.add(action.name(), "could not remove the scratch database: " + e.getMessage());
                }
            }
        }
    }

    /** A query as a subquery takes it: its final semicolons dropped. */
    private static String withoutSemicolons(String query) {
        return query.strip().replaceAll(";+\\s*$", "");
    }

    /** The query's columns, without reading a row. */
    private static Columns probe(Connection connection, String query) throws SQLException {
        String inner = withoutSemicolons(query);
        try (Statement probe = connection.createStatement();
                ResultSet empty = probe.executeQuery("select * from (" + inner + ") dl_q where 1 = 0")) {
            return Columns.of(empty.getMetaData());
        }
    }

    /**
     * The rows into partition folders: the query ordered by the partition columns (then the
     * window's), so that each partition's rows come together and one file is open at a time.
     */
    private long extractPartitioned(Statement jdbc, String query, PartitionPath path, PartitionedOutput partitions,
            PlannedAction action, Window window) throws SQLException, IOException {
        String inner = withoutSemicolons(query);
        List<String> order = new ArrayList<>(path.orderColumns().stream().map(source.dialect()::quoteIdentifier).toList());
        if (window != null) {
            window.columns().stream().filter(c -> path.orderColumns().stream().noneMatch(c::equalsIgnoreCase))
                    .forEach(order::add);
        }
        source.dialect().streamResults(jdbc);
        long rows = 0;
        try (ResultSet result = jdbc.executeQuery("select * from (" + inner + ") dl_p order by " + String.join(", ", order))) {
            while (result.next()) {
                partitions.write(result);
                rows++;
            }
        }
        List<PartitionedOutput.Written> files = partitions.finish();
        log.detail(action.name(), rows + " rows written to " + files.size() + " " + action.extract().format() + " files");
        return rows;
    }

    /** A partitioned window's last row (the rows came in partition order): read in the same snapshot. */
    private void rememberLast(Connection connection, Window window) throws SQLException {
        String last = "select * from (" + window.sql() + ") dl_w order by " + window.descending() + " limit 1";
        try (Statement read = connection.createStatement(); ResultSet row = read.executeQuery(last)) {
            if (row.next()) {
                window.remember(row);
            }
        }
    }

    /**
     * An incremental extract's window, fixed once: the stored watermark (or the start) below, the
     * database's clock minus the lag above, and the query wrapped to return only the rows strictly
     * after the watermark, up to the bound ({@link Window#ordered()}: ordered by the columns). Values go in as literals of the
     * engine, cast to each column's own type, so the same text serves every engine's export path.
     */
    private Window window(Connection connection, String query, PlannedAction action) throws SQLException {
        io.dataload.config.Incremental incremental = action.extract().incremental();
        String inner = withoutSemicolons(query);
        Map<String, Integer> types = new LinkedHashMap<>();
        Map<String, String> typeNames = new LinkedHashMap<>();
        try (Statement probe = connection.createStatement();
                ResultSet empty = probe.executeQuery("select * from (" + inner + ") dl_q where 1 = 0")) {
            ResultSetMetaData meta = empty.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                types.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), meta.getColumnType(i));
                typeNames.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), meta.getColumnTypeName(i));
            }
        }
        for (String column : incremental.columns()) {
            if (!types.containsKey(column.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("incremental column \"" + column + "\" is not among the query's"
                        + " columns: " + String.join(", ", types.keySet()));
            }
        }
        var dialect = source.dialect();
        List<String> casts = new ArrayList<>();
        for (String column : incremental.columns()) {
            String key = column.toLowerCase(Locale.ROOT);
            casts.add(dialect.castType(typeNames.get(key), types.get(key)));
        }
        String first = incremental.columns().get(0);
        int firstType = types.get(first.toLowerCase(Locale.ROOT));
        boolean timeLike = firstType == Types.TIMESTAMP || firstType == Types.TIMESTAMP_WITH_TIMEZONE
                || firstType == Types.DATE;
        String upper = timeLike ? dialect.upperBound(connection, incremental.lag()) : null;
        List<String> stored;
        try {
            stored = context.watermark(action.name(), "extract", action.extract().file().toString());
        } catch (SQLException e) {
            throw new SQLException("cannot read the extract's watermark from the run history: " + e.getMessage(), e);
        }
        List<String> where = new ArrayList<>();
        String from;
        if (stored != null && stored.size() == incremental.columns().size()) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < stored.size(); i++) {
                values.add(stored.get(i) == null ? "null" : "cast(" + dialect.literal(stored.get(i)) + " as " + casts.get(i) + ")");
            }
            where.add("(" + String.join(", ", incremental.columns()) + ") > (" + String.join(", ", values) + ")");
            from = String.join(", ", stored);
        } else if (incremental.start() != null) {
            where.add(first + " >= cast(" + dialect.literal(incremental.start()) + " as " + casts.get(0) + ")");
            from = incremental.start();
        } else {
            from = "the beginning";
        }
        if (upper != null) {
            where.add(first + " <= cast(" + dialect.literal(upper) + " as " + casts.get(0) + ")");
        }
        String sql = "select * from (" + inner + ") dl_q" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        List<Integer> positions = new ArrayList<>();
        List<String> labels = new ArrayList<>(types.keySet());
        for (String column : incremental.columns()) {
            positions.add(labels.indexOf(column.toLowerCase(Locale.ROOT)) + 1);
        }
        return new Window(sql, from, upper == null ? "now" : upper, incremental.columns(), positions,
                new String[positions.size()],
                stored == null && incremental.start() == null ? "beginning" : forName(stored != null ? stored.get(0)
                        : incremental.start()));
    }

    /** An incremental window; {@code last} holds the watermark columns' values of the last row written. */
    private record Window(String sql, String from, String upper, List<String> columns, List<Integer> positions,
            String[] lastRow, String fromForName) {
        List<String> last() {
            return Arrays.asList(lastRow.clone());
        }

        /** The window's rows in the order of its columns: the last row written is the watermark. */
        String ordered() {
            return sql + " order by " + String.join(", ", columns);
        }

        /** The window's columns, last first: {@code updated_at desc, id desc}. */
        String descending() {
            return columns.stream().map(column -> column + " desc").reduce((a, b) -> a + ", " + b).orElseThrow();
        }

        void remember(ResultSet row) throws SQLException {
            for (int i = 0; i < positions.size(); i++) {
                lastRow[i] = row.getString(positions.get(i));
            }
        }
    }

    private java.nio.file.Path manifestPath(String manifest) {
        return Path.of(manifest.replace("#run_id#", context.runId()));
    }

    private static String sha256(Path file) throws IOException {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                }
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A bound as a file-name part: 2026-05-01 02:30:00.123456 is 2026-05-01T023000.123456. */
    static String forName(String value) {
        return value == null ? "null" : value.strip().replace(' ', 'T').replace(":", "").replace('/', '-');
    }

    /** The engine's own export when it gives the same bytes, else a streamed result set. */
    private long extract(Connection connection, Statement jdbc, String query, Path file, PlannedAction action,
            Window window) throws SQLException, IOException {
        CsvDialect csv = action.extract().csv();
        FileOutput output = action.extract().output();
        if (output.format().equals("csv") && !"false".equals(System.getProperty(NATIVE))) {
            OptionalLong exported;
            try (OutputStream out = Compression.compress(new BufferedOutputStream(Files.newOutputStream(file), BUFFER),
                    output.compression())) {
                exported = source.dialect().copyOut(connection, query, csv, out);
            }
            if (exported.isPresent()) {
                log.detail(action.name(), exported.getAsLong() + " rows written by the database's own export");
                if (window != null && exported.getAsLong() > 0) {
                    // the watermark: the window's last row, read in the same snapshot as the export
                    String last = "select * from (" + query + ") dl_w order by " + window.descending() + " limit 1";
                    try (Statement read = connection.createStatement(); ResultSet row = read.executeQuery(last)) {
                        if (row.next()) {
                            window.remember(row);
                        }
                    }
                }
                return exported.getAsLong();
            }
        }
        source.dialect().streamResults(jdbc);
        long rows = 0;
        try (ResultSet result = jdbc.executeQuery(query)) {
            Columns columns = Columns.of(result.getMetaData());
            try (RowWriters writers = new RowWriters(output, csv, columns, file.toAbsolutePath().getParent())) {
                RowWriter writer = writers.open(file);
                try {
                    while (result.next()) {
                        writer.write(result);
                        if (window != null) {
                            window.remember(result);
                        }
                        rows++;
                    }
                } finally {
                    writer.close();
                }
            }
        }
        // said once it is so, not before (a failure in between would have been announced as rows written)
        log.detail(action.name(), rows + " rows written from a streamed result set"
                + (output.format().equals("parquet") ? " through DuckDB's Parquet writer" : ""));
        return rows;
    }

    /**
     * The file an extract writes before it is renamed to its target: one fixed name per target
     * ({@code .NAME.part}), so that the part a killed run left is replaced, not kept forever; created
     * new (never through a link), with the target's mode when it exists, else the process umask's.
     */
    static Path partFile(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path part = absolute.resolveSibling("." + absolute.getFileName() + ".part");
        Files.deleteIfExists(part);
        Files.newByteChannel(part, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                java.nio.file.LinkOption.NOFOLLOW_LINKS)).close();
        if (Files.exists(absolute) && absolute.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(part, Files.getPosixFilePermissions(absolute));
        }
        return part;
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
