package io.dataload.state;

/** One action attempt of a run, with the typed error fields of a failure (null otherwise). */
public record StoredAttempt(String runId, int seq, String entry, String action, String script, int attempt,
        Long startedMs, Long finishedMs, long rows, String status, String sqlState, Integer vendorCode,
        String message, String errorFile, Integer statement, Integer line, String errorText) {
}
