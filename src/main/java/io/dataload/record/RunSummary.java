package io.dataload.record;

import java.time.Instant;
import java.util.List;

/**
 * One run as the results file records it: what was asked (file, its absolute path, action, attempt,
 * the masked command line), by which process on which host, when, how it ended ({@code running}
 * until it ends), each entry's result, every attempt, and the shell processes its {@code exec}
 * entries started (so that a resume after {@code kill -9} can find those still running).
 */
public record RunSummary(String runId, String tool, String file, String filePath, String action, int attempt,
        List<String> arguments, long pid, String host, Instant started, Instant finished, String status,
        List<AttemptResult> entries, List<AttemptResult> attempts, List<ChildProcess> processes) {

    public RunSummary {
        arguments = List.copyOf(arguments);
        entries = List.copyOf(entries);
        attempts = List.copyOf(attempts);
        processes = List.copyOf(processes);
    }

    /** A shell process an entry started: its id and start time identify it even after the id is reused. */
    public record ChildProcess(String file, String entry, long pid, Instant started) {
    }
}
