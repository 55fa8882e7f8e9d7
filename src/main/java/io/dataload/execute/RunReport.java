package io.dataload.execute;

import io.dataload.record.AttemptResult;
import io.dataload.record.ExecutionLog;
import java.nio.file.Path;
import java.util.List;

/**
 * How a run session ended, as data: the status, why it stopped when interrupted, every entry's
 * result and every attempt, the execution log, and where the log was saved (or why it was not).
 */
public record RunReport(
        Status status,
        Interruption.Stop stop,
        String label,
        List<AttemptResult> entries,
        List<AttemptResult> attempts,
        ExecutionLog log,
        Path logFile,
        String saveError) {

    public enum Status { SUCCEEDED, FAILED, INTERRUPTED, NOTHING_TO_RESUME }

    public boolean succeeded() {
        return status == Status.SUCCEEDED || status == Status.NOTHING_TO_RESUME;
    }

    static RunReport nothingToResume(String label) {
        return new RunReport(Status.NOTHING_TO_RESUME, null, label, List.of(), List.of(), null, null, null);
    }
}
