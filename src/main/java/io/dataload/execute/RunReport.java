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
        String saveError,
        String runId,
        String storeProblem) {

    /**
     * How it ended. {@code BUSY}: another run of the same file and action held the lock;
     * {@code NOT_STARTED}: the run could not record itself, so nothing ran (the reason is in saveError).
     */
    /** BAD_INPUT: failed for a mistake in the action file found only when the action started (exit 2). */
    public enum Status { SUCCEEDED, FAILED, BAD_INPUT, INTERRUPTED, NOTHING_TO_RESUME, BUSY, NOT_STARTED }

    public boolean succeeded() {
        return status == Status.SUCCEEDED || status == Status.NOTHING_TO_RESUME;
    }

    /** The process exit code a run with this ending reports (as cron, systemd and Kubernetes read it). */
    public static int exitCode(Status status, Interruption.Stop stop) {
        return switch (status) {
            case SUCCEEDED, NOTHING_TO_RESUME -> 0;
            case FAILED, NOT_STARTED -> 1;
            case BAD_INPUT -> 2;
            case BUSY -> 75;
            case INTERRUPTED -> stop == Interruption.Stop.TERMINATE ? 143 : 130;
        };
    }

    public int exitCode() {
        return exitCode(status, stop);
    }

    static RunReport notRun(Status status, String label, String reason) {
        return new RunReport(status, null, label, List.of(), List.of(), null, null, reason, null, null);
    }

    static RunReport nothingToResume(String label) {
        return new RunReport(Status.NOTHING_TO_RESUME, null, label, List.of(), List.of(), null, null, null, null, null);
    }
}
