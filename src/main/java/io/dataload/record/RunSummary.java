package io.dataload.record;

import java.time.Instant;
import java.util.List;

/**
 * One run as the results file records it: what was asked (file, action, attempt, the masked
 * command line), when, how it ended, each entry's result and every attempt.
 */
public record RunSummary(String tool, String file, String action, int attempt, List<String> arguments,
        Instant started, Instant finished, String status, List<AttemptResult> entries, List<AttemptResult> attempts) {
}
