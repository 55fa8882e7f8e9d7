package io.dataload.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.dataload.record.IoErrors;
import io.dataload.state.StateException;
import io.dataload.state.StateStore;
import io.dataload.state.StoredAttempt;
import io.dataload.state.StoredRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dataload report --html OUT.html}: one self-contained page (inline CSS, JS and data; no
 * network) of the last runs: a grid of runs and their actions, filterable by file and status; for
 * a selected run its chain as an SVG graph and the durations of the same file and action over time.
 */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Writes the run history as one self-contained HTML page that opens from file://.",
            "It shows a grid of the last runs and their actions, each run's chain graph and its durations "
                + "over time."})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--html", paramLabel = "OUT.html", required = true, description = "The page to write.")
    Path html;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "200", description = "How many of the last runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() {
        PrintWriterPair io = new PrintWriterPair(spec);
        if (runs < 1) {
            return io.usage("--runs must be 1 or more, found " + runs);
        }
        Path target = store.workDir().resolve(html);
        String page;
        if (store.missingFile()) {
            page = page(List.of(), Map.of(), store.url());
        } else {
            try (StateStore history = StateStore.open(store.url())) {
                List<StoredRun> top = history.runs(runs, null, null);
                List<StoredRun> all = new ArrayList<>(top);
                all.addAll(history.descendants(top.stream().map(StoredRun::runId).toList()));
                page = page(all, history.attempts(all.stream().map(StoredRun::runId).toList()), history.label());
            } catch (StateException e) {
                return io.failed(e.getMessage());
            } catch (SQLException e) {
                return io.failed("cannot read the run history: " + e.getMessage());
            }
        }
        try {
            Path parent = target.toAbsolutePath().getParent();
            IoErrors.createDirectories(parent);
            // a page to share: the process umask's mode, written whole under a fixed temporary name
            Path temporary = parent.resolve("." + target.getFileName() + ".part");
            Files.deleteIfExists(temporary);
            Files.writeString(temporary, page, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            return io.failed("cannot write " + html + ": " + IoErrors.describe(e));
        }
        io.out().println("Wrote " + html + " (" + (page.length() / 1024) + " KB)");
        io.out().flush();
        return ExitCodes.SUCCESS;
    }

    private static String page(List<StoredRun> runs, Map<String, List<StoredAttempt>> attempts, String label) {
        String template;
        try (InputStream in = ReportCommand.class.getResourceAsStream("/io/dataload/report/report.html")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the report template is part of the jar", e);
        }
        return template.replace("/*DATA*/", data(runs, attempts, label));
    }

    /** The page's data as compact JSON arrays; every {@code <} escaped so no text can close the script element. */
    static String data(List<StoredRun> runs, Map<String, List<StoredAttempt>> attempts, String label) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = new JsonFactory().createGenerator(text)) {
            out.writeStartObject();
            out.writeStringField("store", label);
            out.writeNumberField("generated", System.currentTimeMillis());
            out.writeArrayFieldStart("runs");
            for (StoredRun run : runs) {
                out.writeStartArray();
                out.writeString(run.runId());
                out.writeString(run.parentRunId());
                out.writeString(run.actionFile());
                out.writeString(run.action());
                out.writeNumber(run.startedMs());
                if (run.finishedMs() == null) {
                    out.writeNull();
                } else {
                    out.writeNumber(run.finishedMs());
                }
                out.writeString(run.outcome());
                if (run.exitCode() == null) {
                    out.writeNull();
                } else {
                    out.writeNumber(run.exitCode());
                }
                out.writeString(run.triggerName());
                out.writeEndArray();
            }
            out.writeEndArray();
            out.writeObjectFieldStart("attempts");
            for (Map.Entry<String, List<StoredAttempt>> run : attempts.entrySet()) {
                out.writeArrayFieldStart(run.getKey());
                for (StoredAttempt attempt : run.getValue()) {
                    out.writeStartArray();
                    out.writeString(attempt.entry());
                    out.writeString(attempt.status());
                    if (attempt.startedMs() == null || attempt.finishedMs() == null) {
                        out.writeNull();
                    } else {
                        out.writeNumber(attempt.finishedMs() - attempt.startedMs());
                    }
                    out.writeNumber(attempt.rows());
                    out.writeNumber(attempt.attempt());
                    out.writeString(attempt.errorText() == null ? null : HistoryCommand.failure(attempt));
                    out.writeEndArray();
                }
                out.writeEndArray();
            }
            out.writeEndObject();
            out.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string", e);
        }
        return text.toString().replace("<", "\\u003c");
    }
}
