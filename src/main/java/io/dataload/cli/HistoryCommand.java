package io.dataload.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dataload.state.StateException;
import io.dataload.state.StateStore;
import io.dataload.state.StoredAttempt;
import io.dataload.state.StoredRun;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dataload history}: what ran, newest first, from the run-history store; or one run in full. */
@Command(name = "history", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"What ran: one line a run, newest first (chained runs under their parent in a run's detail).",
            "With RUN_ID (or its beginning): that run, its action attempts in order and its chained runs."})
public final class HistoryCommand implements Callable<Integer> {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_ID", description = "A run's id, or its beginning.")
    String runId;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only runs that ended so: ok, failed, interrupted, running.")
    String status;

    @Option(names = "--file", paramLabel = "PATTERN", description = "Only runs of action files matching PATTERN (* and ?).")
    String file;

    @Option(names = "--json", description = "One JSON object a line (with RUN_ID: one object with its attempts and chained runs).")
    boolean json;

    @Override
    public Integer call() {
        PrintWriterPair io = new PrintWriterPair(spec);
        String outcome = null;
        if (status != null) {
            outcome = switch (status.toLowerCase(Locale.ROOT)) {
                case "ok", "succeeded", "success" -> "succeeded";
                case "failed", "interrupted", "running", "abandoned" -> status.toLowerCase(Locale.ROOT);
                default -> null;
            };
            if (outcome == null) {
                return io.usage("--status must be ok, failed, interrupted, running or abandoned, found " + status);
            }
        }
        if (limit < 1) {
            return io.usage("--limit must be 1 or more, found " + limit);
        }
        if (store.missingFile()) {
            if (runId != null) {
                return io.failed("no run " + runId + ": nothing is recorded in " + store.url() + " yet");
            }
            if (!json) {
                io.out().println("No runs recorded yet (" + store.url().substring("jdbc:sqlite:".length()) + ").");
            }
            io.out().flush();
            return ExitCodes.SUCCESS;
        }
        try (StateStore history = StateStore.open(store.url())) {
            return runId == null ? list(io.out(), history, outcome) : detail(io, history);
        } catch (StateException e) {
            return io.failed(e.getMessage());
        } catch (SQLException e) {
            return io.failed("cannot read the run history: " + e.getMessage());
        } finally {
            io.out().flush();
        }
    }

    private int list(PrintWriter out, StateStore history, String outcome) throws SQLException {
        List<StoredRun> runs = history.runs(limit, outcome, file);
        List<String[]> rows = new ArrayList<>();
        // runs that workers took say which worker ran them (host:pid)
        boolean workers = runs.stream().anyMatch(run -> "worker".equals(run.trigger()));
        rows.add(workers ? new String[] {"RUN", "STARTED", "DURATION", "FILE", "ACTION", "OUTCOME", "WORKER", "ROWS",
            "FIRST ERROR"} : new String[] {"RUN", "STARTED", "DURATION", "FILE", "ACTION", "OUTCOME", "ROWS", "FIRST ERROR"});
        for (StoredRun run : runs) {
            List<StoredAttempt> attempts = allAttempts(history, run);
            long total = attempts.stream().filter(a -> a.status().equals("done") || a.status().equals("ignored"))
                    .mapToLong(StoredAttempt::rows).sum();
            // an ignored failure (a drop of a table not there yet) is not the run's error
            String error = attempts.stream().filter(a -> a.status().equals("failed") || a.status().equals("interrupted"))
                    .map(StoredAttempt::errorText).filter(e -> e != null && !e.isBlank()).findFirst().orElse("");
            boolean missed = !history.slaMisses(run.runId()).isEmpty();
            if (json) {
                ObjectNode line = runJson(run);
                line.put("rows", total);
                line.put("first_error", error.isEmpty() ? null : error);
                line.put("sla_missed", missed);
                out.println(line);
                continue;
            }
            String started = TIME.format(Instant.ofEpochMilli(run.startedMs()));
            String outcomeText = run.outcome() + (missed ? " (sla missed)" : "");
            rows.add(workers ? new String[] {run.runId(), started, duration(run), run.actionFile(), run.action(),
                outcomeText, "worker".equals(run.trigger()) ? run.host() + ":" + run.pid() : "", String.valueOf(total),
                oneLine(error, 70)} : new String[] {run.runId(), started, duration(run), run.actionFile(), run.action(),
                outcomeText, String.valueOf(total), oneLine(error, 70)});
        }
        if (!json) {
            if (runs.isEmpty()) {
                out.println("No runs recorded" + (outcome != null || file != null ? " that match" : "") + ".");
            } else {
                printAligned(out, rows);
            }
        }
        return ExitCodes.SUCCESS;
    }

    /** A run's attempts and those of every run it chained to. */
    private static List<StoredAttempt> allAttempts(StateStore history, StoredRun run) throws SQLException {
        List<StoredAttempt> all = new ArrayList<>(history.attempts(run.runId()));
        for (StoredRun child : history.children(run.runId())) {
            all.addAll(allAttempts(history, child));
        }
        return all;
    }

    private int detail(PrintWriterPair io, StateStore history) throws SQLException {
        StoredRun run = history.run(runId);
        if (run == null) {
            io.err().println("dataload: no run " + runId + " in " + history.label()
                    + " (give the whole id, or a beginning only one run has)");
            io.err().flush();
            return ExitCodes.ACTION_FAILED;
        }
        if (json) {
            io.out().println(detailJson(history, run));
        } else {
            print(io.out(), history, run, "");
        }
        return ExitCodes.SUCCESS;
    }

    private void print(PrintWriter out, StateStore history, StoredRun run, String indent) throws SQLException {
        out.println(indent + (indent.isEmpty() ? "run " : "chained run ") + run.runId() + ": " + run.actionFile() + " "
                + run.action() + (run.startingTable() == null ? "" : " from " + run.startingTable()) + ", "
                + run.outcome() + (run.exitCode() == null ? "" : " (exit " + run.exitCode() + ")"));
        out.println(indent + "  started " + TIME.format(Instant.ofEpochMilli(run.startedMs())) + ", took "
                + duration(run) + ", attempt " + run.attempt() + ", trigger " + run.trigger()
                + (run.triggerName() == null ? "" : (run.parentRunId() != null ? ", chained by " : " ") + run.triggerName())
                + (run.user() == null ? "" : ", by " + run.user() + "@" + run.host())
                + ("worker".equals(run.trigger()) ? " (worker " + run.host() + ":" + run.pid() + ")" : ""));
        if (indent.isEmpty()) {
            if (!run.arguments().isEmpty()) {
                out.println("  arguments: " + String.join(" ", run.arguments()));
            }
            if (run.logFile() != null) {
                out.println("  log: " + run.logFile());
            }
        }
        for (StateStore.SlaMiss miss : history.slaMisses(run.runId())) {
            out.println(indent + "  SLA " + io.dataload.config.Retry.describe(java.time.Duration.ofMillis(miss.slaMs()))
                    + " missed by " + (miss.scope().isEmpty() ? "the run" : miss.scope()) + " at "
                    + TIME.format(Instant.ofEpochMilli(miss.missedMs())) + "; OnSlaMiss: "
                    + (miss.handlers() == null ? "not finished" : miss.handlers()));
        }
        for (StoredAttempt attempt : history.attempts(run.runId())) {
            String took = attempt.startedMs() == null || attempt.finishedMs() == null ? ""
                    : String.format(Locale.ROOT, "%.3f s", (attempt.finishedMs() - attempt.startedMs()) / 1000.0);
            out.printf("%s  %2d. %-20s %-11s %10s %8s  %s%s%n", indent, attempt.seq(), attempt.entry(),
                    attempt.status() + (attempt.attempt() > 1 ? " #" + attempt.attempt() : ""), took,
                    attempt.rows() > 0 ? attempt.rows() + " rows" : "", attempt.script() == null ? "" : attempt.script(),
                    "");
            if (attempt.errorText() != null) {
                out.println(indent + "      " + failure(attempt));
            }
        }
        for (StoredRun child : history.children(run.runId())) {
            print(out, history, child, indent + "    ");
        }
    }

    /** A failure's typed fields: SQLSTATE, vendor code, file:line, statement, then the message. */
    static String failure(StoredAttempt attempt) {
        List<String> parts = new ArrayList<>();
        if (attempt.sqlState() != null) {
            parts.add("SQLSTATE " + attempt.sqlState());
        }
        if (attempt.vendorCode() != null && attempt.vendorCode() != 0) {
            parts.add("vendor code " + attempt.vendorCode());
        }
        if (attempt.errorFile() != null) {
            parts.add(attempt.errorFile() + (attempt.line() == null ? "" : ":" + attempt.line())
                    + (attempt.statement() == null ? "" : " (statement " + attempt.statement() + ")"));
        }
        String message = attempt.message() != null ? attempt.message() : attempt.errorText();
        return (parts.isEmpty() ? "" : String.join(", ", parts) + ": ") + oneLine(message, 300);
    }

    private ObjectNode detailJson(StateStore history, StoredRun run) throws SQLException {
        ObjectNode node = runJson(run);
        ArrayNode attempts = node.putArray("attempts");
        for (StoredAttempt attempt : history.attempts(run.runId())) {
            ObjectNode a = attempts.addObject();
            a.put("seq", attempt.seq());
            a.put("entry", attempt.entry());
            a.put("action", attempt.action());
            a.put("script", attempt.script());
            a.put("attempt", attempt.attempt());
            a.put("started", attempt.startedMs() == null ? null : Instant.ofEpochMilli(attempt.startedMs()).toString());
            a.put("finished", attempt.finishedMs() == null ? null : Instant.ofEpochMilli(attempt.finishedMs()).toString());
            a.put("rows", attempt.rows());
            a.put("status", attempt.status());
            a.put("sqlstate", attempt.sqlState());
            a.put("vendor_code", attempt.vendorCode());
            a.put("message", attempt.message());
            a.put("file", attempt.errorFile());
            a.put("statement", attempt.statement());
            a.put("line", attempt.line());
            a.put("error", attempt.errorText());
        }
        ArrayNode misses = node.putArray("sla_misses");
        for (StateStore.SlaMiss miss : history.slaMisses(run.runId())) {
            ObjectNode m = misses.addObject();
            m.put("scope", miss.scope().isEmpty() ? null : miss.scope());
            m.put("sla_ms", miss.slaMs());
            m.put("missed", Instant.ofEpochMilli(miss.missedMs()).toString());
            m.put("handlers", miss.handlers());
        }
        ArrayNode chained = node.putArray("chained");
        for (StoredRun child : history.children(run.runId())) {
            chained.add(detailJson(history, child));
        }
        return node;
    }

    static ObjectNode runJson(StoredRun run) {
        ObjectNode node = JSON.createObjectNode();
        node.put("run_id", run.runId());
        node.put("parent_run_id", run.parentRunId());
        node.put("trigger", run.trigger());
        node.put("trigger_name", run.triggerName());
        node.put("invoked_as", run.tool());
        node.put("file", run.actionFile());
        node.put("action", run.action());
        node.put("starting_table", run.startingTable());
        node.put("attempt", run.attempt());
        ArrayNode arguments = node.putArray("arguments");
        run.arguments().forEach(arguments::add);
        node.put("resource_file", run.resourceFile());
        node.put("user", run.user());
        node.put("host", run.host());
        node.put("pid", run.pid());
        node.put("started", Instant.ofEpochMilli(run.startedMs()).toString());
        node.put("finished", run.finishedMs() == null ? null : Instant.ofEpochMilli(run.finishedMs()).toString());
        if (run.finishedMs() == null) {
            node.putNull("elapsed_seconds");
        } else {
            node.put("elapsed_seconds", (run.finishedMs() - run.startedMs()) / 1000.0);
        }
        node.put("outcome", run.outcome());
        node.put("exit_code", run.exitCode());
        node.put("log", run.logFile());
        return node;
    }

    static String duration(StoredRun run) {
        if (run.finishedMs() == null) {
            return "running";
        }
        long millis = run.finishedMs() - run.startedMs();
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        return seconds >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }

    static String oneLine(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    static void printAligned(PrintWriter out, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                boolean last = i == columns - 1;
                boolean number = i == 6;
                String cell = row[i];
                if (number) {
                    line.append(" ".repeat(widths[i] - cell.length())).append(cell);
                } else {
                    line.append(cell).append(last ? "" : " ".repeat(widths[i] - cell.length()));
                }
                if (!last) {
                    line.append("  ");
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
