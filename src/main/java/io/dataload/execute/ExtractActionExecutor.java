package io.dataload.execute;

import io.dataload.config.CsvDialect;
import io.dataload.db.ConnectionSource;
import io.dataload.db.SqlStatement;
import io.dataload.plan.PlannedAction;
import io.dataload.record.ExecutionLog;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
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
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code extract}: runs the script (the last statement is the query) and streams its rows to the
 * target file as Python's csv module would write them. The rows go to a temporary file in the
 * target's folder, renamed over the target only when complete.
 */
public final class ExtractActionExecutor extends ConnectedActionExecutor {
    private static final int BUFFER = 1 << 16;
    /** Set to false ({@code -Ddataload.extract.native=false}) to always read a result set; the tests compare both. */
    private static final String NATIVE = "dataload.extract.native";

    public ExtractActionExecutor(ConnectionSource source, ExecutionLog log, Interruption interruption) {
        super(source, log, interruption);
    }

    @Override
    ActionResult run(Connection connection, PlannedAction action, Instant start) {
        Path temp = null;
        try {
            List<SqlStatement> statements = source.dialect().statements(action.script());
            if (statements.isEmpty()) {
                return ActionResult.failure("the extract script has no query", action.scriptDisplay(), start);
            }
            Path target = action.extract().file();
            Files.createDirectories(target.toAbsolutePath().getParent());
            temp = partFile(target);
            long rows = 0;
            for (int i = 0; i < statements.size(); i++) {
                SqlStatement statement = statements.get(i);
                log.detail(action.name(), statement.sql());
                try (Statement jdbc = connection.createStatement()) {
                    if (i < statements.size() - 1) {
                        jdbc.execute(statement.sql());
                        continue;
                    }
                    rows = extract(connection, jdbc, statement.sql(), temp, action);
                } catch (SQLException e) {
                    rollback(connection);
                    return ActionResult.failure(SqlErrorText.failure(e, null).at(action.scriptDisplay(), i + 1,
                            statement.line(), statement.sql()), start);
                }
            }
            connection.commit();
            move(temp, target);
            temp = null;
            log.add(action.name(), "wrote " + rows + " rows");
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
        }
    }

    /** The engine's own export when it gives the same bytes, else a streamed result set. */
    private long extract(Connection connection, Statement jdbc, String query, Path file, PlannedAction action)
            throws SQLException, IOException {
        CsvDialect csv = action.extract().csv();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER)) {
            OptionalLong exported = !"false".equals(System.getProperty(NATIVE)) ? source.dialect().copyOut(connection, query, csv, out) : OptionalLong.empty();
            if (exported.isPresent()) {
                log.detail(action.name(), exported.getAsLong() + " rows written by the database's own export");
                return exported.getAsLong();
            }
            source.dialect().streamResults(jdbc);
            try (ResultSet result = jdbc.executeQuery(query)) {
                long rows = write(result, out, csv);
                // said once it is so, not before (a failure in between would have been announced as rows written)
                log.detail(action.name(), rows + " rows written from a streamed result set");
                return rows;
            }
        }
    }

    private static long write(ResultSet result, OutputStream file, CsvDialect csv) throws SQLException, IOException {
        int columns = result.getMetaData().getColumnCount();
        Object[] row = new Object[columns];
        long rows = 0;
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8), BUFFER)) {
            PythonCsvWriter writer = new PythonCsvWriter(out, csv);
            boolean[] decimal = new boolean[columns];
            for (int c = 0; c < columns; c++) {
                int type = result.getMetaData().getColumnType(c + 1);
                decimal[c] = type == Types.NUMERIC || type == Types.DECIMAL;
            }
            while (result.next()) {
                for (int c = 0; c < columns; c++) {
                    Object value = result.getObject(c + 1);
                    // a driver that hands a decimal NaN over as a double: Python's Decimal prints NaN
                    row[c] = decimal[c] && value instanceof Double d && d.isNaN() ? DecimalNaN.VALUE : value;
                }
                writer.writeRow(row);
                rows++;
            }
        }
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
