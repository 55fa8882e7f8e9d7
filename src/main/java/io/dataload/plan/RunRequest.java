package io.dataload.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How a run is asked for, whoever asks (the {@code run} command, a wrapper, the demo, later a
 * schedule tick or a worker's message): built once, then checked by the {@link FrontDoor} and
 * handed to a run session. Paths are as the user gave them; {@code workDir} is what they resolve
 * against.
 *
 * @param tool the log-name prefix: {@code dataload}, or the Python wrapper's name
 * @param trigger what asked for the run: {@code cli}, later {@code schedule}, {@code watch}, {@code worker}
 * @param database a JDBC URL, an engine name, or null (embedded DuckDB)
 * @param pool connections for parallel mode, or null for the Python tool's rule
 * @param arguments the command line as given, for the record (masked before it is written)
 */
public record RunRequest(
        String tool,
        String trigger,
        Path workDir,
        String resourceFile,
        String actionFile,
        String action,
        String startingTable,
        int attempt,
        Map<String, String> params,
        String database,
        Integer pool,
        String logDir,
        boolean resume,
        List<String> arguments,
        String state,
        String triggerName,
        String runId) {

    public RunRequest {
        params = Map.copyOf(params);
        arguments = List.copyOf(arguments);
        startingTable = startingTable == null || startingTable.isEmpty() ? null : startingTable;
    }

    /** A request without a --state choice (the store then comes from DATALOAD_STATE or the log folder). */
    public RunRequest(String tool, String trigger, Path workDir, String resourceFile, String actionFile, String action,
            String startingTable, int attempt, Map<String, String> params, String database, Integer pool, String logDir,
            boolean resume, List<String> arguments) {
        this(tool, trigger, workDir, resourceFile, actionFile, action, startingTable, attempt, params, database, pool,
                logDir, resume, arguments, null, null, null);
    }

    /** The same request recorded in another run-history store ({@code --state URL}). */
    public RunRequest withState(String url) {
        return new RunRequest(tool, trigger, workDir, resourceFile, actionFile, action, startingTable, attempt, params,
                database, pool, logDir, resume, arguments, url, triggerName, runId);
    }

    /** The same request started by a trigger (schedule, watch, worker) with its name (a job, a folder, a queue). */
    public RunRequest triggeredBy(String kind, String name) {
        return new RunRequest(tool, kind, workDir, resourceFile, actionFile, action, startingTable, attempt, params,
                database, pool, logDir, resume, arguments, state, name, runId);
    }

    /** The same request recorded under a run id chosen before it starts (a trigger's ledger names the run first). */
    public RunRequest withRunId(String id) {
        return new RunRequest(tool, trigger, workDir, resourceFile, actionFile, action, startingTable, attempt, params,
                database, pool, logDir, resume, arguments, state, triggerName, id);
    }

    /** A request from the command line for ACTION over ACTIONS.json, with the defaults of {@code run}. */
    public static RunRequest of(Path workDir, String actionFile, String action) {
        return new RunRequest("dataload", "cli", workDir, null, actionFile, action, null, 1, Map.of(), null, null,
                "logs", false, List.of());
    }

    public RunRequest withResources(String file) {
        return new RunRequest(tool, trigger, workDir, file, actionFile, action, startingTable, attempt, params, database,
                pool, logDir, resume, arguments, state, triggerName, runId);
    }

    public RunRequest withParams(Map<String, String> values) {
        return new RunRequest(tool, trigger, workDir, resourceFile, actionFile, action, startingTable, attempt, values,
                database, pool, logDir, resume, arguments, state, triggerName, runId);
    }

    public RunRequest from(String table, int attemptNumber) {
        return new RunRequest(tool, trigger, workDir, resourceFile, actionFile, action, table, attemptNumber, params,
                database, pool, logDir, resume, arguments, state, triggerName, runId);
    }

    /** The same request read from another folder (a worker whose shared volume is mounted elsewhere). */
    public RunRequest inDirectory(Path folder) {
        return new RunRequest(tool, trigger, folder, resourceFile, actionFile, action, startingTable, attempt, params,
                database, pool, logDir, resume, arguments, state, triggerName, runId);
    }

    /** The same request against another database ({@code --db}: a URL or an engine name). */
    public RunRequest withDatabase(String target) {
        return new RunRequest(tool, trigger, workDir, resourceFile, actionFile, action, startingTable, attempt, params,
                target, pool, logDir, resume, arguments, state, triggerName, runId);
    }
}
