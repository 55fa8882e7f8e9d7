package io.dataload.execute;

import io.dataload.db.ConnectionSource;
import io.dataload.db.CopyJob;
import io.dataload.plan.PlannedAction;
import io.dataload.record.ExecutionLog;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code copy}: streams a delimited file (or every file its name's pattern matches, in name order)
 * into a table with the engine's bulk path, in one transaction — emptied first with
 * {@code "truncate": true} — so a bad row leaves the table as it was.
 */
public final class CopyActionExecutor extends ConnectedActionExecutor {
    private static final int BUFFER = 1 << 16;

    public CopyActionExecutor(ConnectionSource source, ExecutionLog log, Interruption interruption) {
        super(source, log, interruption);
    }

    @Override
    ActionResult run(Connection connection, PlannedAction action, Instant start) {
        CopyJob job = action.copy();
        List<Path> files;
        try {
            files = files(job.file());
        } catch (IOException e) {
            return ActionResult.failure("cannot list " + job.file().getParent() + ": " + e.getMessage(),
                    "copy into " + job.table(), start);
        }
        if (files.isEmpty()) {
            return ActionResult.failure((isPattern(job.file()) ? "no file matches " : "file not found: ")
                    + action.scriptDisplay(), "copy into " + job.table(), start);
        }
        log.detail(action.name(), "copy " + action.scriptDisplay() + (files.size() > 1 ? " (" + files.size() + " files)" : "")
                + " into " + job.table() + (job.format().truncate() ? ", emptied first" : ""));
        try {
            if (job.format().truncate()) {
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate(source.dialect().truncate(job.table()));
                }
            }
            long rows = source.dialect().copyIn(connection, job, files, file -> open(action, file));
            connection.commit();
            return ActionResult.success(rows, start);
        } catch (SQLException e) {
            rollback(connection);
            return ActionResult.failure(SqlErrorText.failure(e, "copy " + action.scriptDisplay() + " into " + job.table()), start);
        } catch (IOException e) {
            rollback(connection);
            return ActionResult.failure("cannot read " + action.scriptDisplay() + ": " + e.getMessage(),
                    "copy into " + job.table(), start);
        }
    }

    private InputStream open(PlannedAction action, Path file) throws IOException {
        return new ProgressInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER), Files.size(file),
                progress -> log.add(action.name(), progress));
    }

    /** The file, or the files its name's pattern ({@code *}, {@code ?}, {@code [...]}) matches, by name. */
    static List<Path> files(Path file) throws IOException {
        if (!isPattern(file)) {
            return Files.isRegularFile(file) ? List.of(file) : List.of();
        }
        Path folder = file.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        var matcher = file.getFileSystem().getPathMatcher("glob:" + file.getFileName());
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> matcher.matches(p.getFileName()) && Files.isRegularFile(p)).sorted().toList();
        }
    }

    static boolean isPattern(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return name.contains("*") || name.contains("?") || name.contains("[");
    }
}
