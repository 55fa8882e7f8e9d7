package io.dataload.state;

import java.util.List;

/**
 * A run as the store holds it (times in epoch milliseconds; finished and exit code null while it
 * runs). triggerName: what started it beyond its trigger kind - the handler that chained it
 * (OnSuccess, OnError...), a schedule's job; null for a run from the command line.
 */
public record StoredRun(String runId, String parentRunId, String trigger, String tool, String actionFile,
        String filePath, String action, String startingTable, int attempt, List<String> arguments,
        String resourceFile, String user, String host, Long pid, long startedMs, Long finishedMs, String outcome,
        Integer exitCode, String logFile, String triggerName) {

    public StoredRun {
        arguments = List.copyOf(arguments);
    }

    /** The same run, ended. */
    public StoredRun finished(long at, String how, Integer code) {
        return new StoredRun(runId, parentRunId, trigger, tool, actionFile, filePath, action, startingTable, attempt,
                arguments, resourceFile, user, host, pid, startedMs, at, how, code, logFile, triggerName);
    }
}
