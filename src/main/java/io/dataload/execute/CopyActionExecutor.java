package io.dataload.execute;

import io.dataload.db.ConnectionSource;
import io.dataload.db.CopyJob;
import io.dataload.plan.PlannedAction;
import io.dataload.record.ExecutionLog;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * {@code copy}: streams a delimited file into a table with the engine's bulk path, in one
 * transaction, so a bad row leaves the table as it was.
 */
public final class CopyActionExecutor extends ConnectedActionExecutor {
    private static final int BUFFER = 1 << 16;

    public CopyActionExecutor(ConnectionSource source, ExecutionLog log, Interruption interruption) {
        super(source, log, interruption);
    }

    @Override
    ActionResult run(Connection connection, PlannedAction action, Instant start) {
        CopyJob job = action.copy();
        if (!Files.isRegularFile(job.file())) {
            return ActionResult.failure("file not found: " + action.scriptDisplay(), "copy into " + job.table(), start);
        }
        log.detail(action.name(), "copy " + action.scriptDisplay() + " into " + job.table());
        try (InputStream data = new ProgressInputStream(new BufferedInputStream(Files.newInputStream(job.file()), BUFFER),
                Files.size(job.file()), progress -> log.add(action.name(), progress))) {
            long rows = source.dialect().copyIn(connection, job, data);
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
}
