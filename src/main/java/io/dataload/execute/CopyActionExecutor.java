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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code copy}: streams a delimited file (or every file its name's pattern matches, in name order)
 * into a table with the engine's bulk path, in one transaction — emptied first with
 * {@code "truncate": true} — so a bad row leaves the table as it was. Where the engine allows it
 * (PostgreSQL), a large copy is loaded as several streams at once ({@link ParallelCopy}), each in
 * its own transaction, all committed only when all succeeded.
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
        List<Connection> parts = new ArrayList<>(List.of(connection));
        try {
            if (job.format().truncate()) {
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate(source.dialect().truncate(job.table()));
                }
            }
            int streams = streams(job, files);
            while (parts.size() < streams) {
                Connection more = source.tryOpen();
                if (more == null) {
                    break; // no more than the pool has free now
                }
                parts.add(more);
            }
            long rows;
            if (parts.size() > 1) {
                log.detail(action.name(), "loading in " + parts.size() + " streams at once");
                rows = ParallelCopy.run(source.dialect(), job, files, file -> open(action, file), parts);
            } else {
                rows = source.dialect().copyIn(connection, job, files, file -> open(action, file));
            }
            // every stream loaded: all commit (the parts' first, the action's own last)
            for (int i = parts.size() - 1; i >= 0; i--) {
                parts.get(i).commit();
            }
            return ActionResult.success(rows, start);
        } catch (SQLException e) {
            parts.forEach(ConnectedActionExecutor::rollback);
            return ActionResult.failure(SqlErrorText.failure(e, "copy " + action.scriptDisplay() + " into " + job.table()), start);
        } catch (IOException e) {
            parts.forEach(ConnectedActionExecutor::rollback);
            return ActionResult.failure("cannot read " + action.scriptDisplay() + ": " + e.getMessage(),
                    "copy into " + job.table(), start);
        } finally {
            for (Connection part : parts.subList(1, parts.size())) {
                try {
                    part.close();
                } catch (SQLException e) {
                    // back to the pool, or gone
                }
            }
        }
    }

    /** Files this large or more are loaded in parts at once where the engine allows it. */
    static final long PARALLEL_BYTES = 32L << 20;

    /**
     * How many streams load the copy: its {@code "parallel"}, else two (four from 512 MB, never more
     * than the processors) for files of 32 MB or more; one with {@code "truncate"} (the emptied table
     * stays locked to other transactions until the load commits) or where the engine cannot.
     */
    private int streams(CopyJob job, List<Path> files) throws IOException {
        if (!source.dialect().parallelCopy() || job.format().truncate()) {
            return 1;
        }
        if (job.format().parallel() != null) {
            return job.format().parallel();
        }
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return bytes < PARALLEL_BYTES || cores < 2 ? 1 : Math.min(bytes >= (512L << 20) ? 4 : 2, cores);
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
