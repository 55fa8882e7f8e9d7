package io.dataload.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The machine-readable results of a run, saved next to its log ({@code <log name>.results.json}),
 * in the spirit of dbt's {@code run_results.json}: a schema version, the tool's version, the masked
 * command line, times and elapsed seconds, and per entry (and per attempt) the status, rows and the
 * typed error fields. {@code --resume} reads the latest one of a file and action.
 */
public final class RunResultsFile {
    public static final String SUFFIX = ".results.json";
    /** Raised when a field changes meaning or goes away; new fields do not raise it. */
    public static final int SCHEMA_VERSION = 2;

    private RunResultsFile() {
    }

    /** The results file that goes with a log file. */
    public static Path pathFor(Path logFile) {
        return logFile.resolveSibling(logFile.getFileName().toString().replaceFirst("\\.log$", "") + SUFFIX);
    }

    /**
     * Writes the results: to a temporary file of a name fixed for this results file, then renamed
     * over it in one step, so a reader (or a run killed half-way through the write) never sees half
     * a file. Readable by its owner only.
     */
    public static Path write(Path path, RunSummary run) throws IOException {
        Path temporary = path.resolveSibling("." + path.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temporary);
        }
        // written with the streaming generator: the object mapper's set-up is not worth it on every run
        try (JsonGenerator out = new JsonFactory().createGenerator(Files.newBufferedWriter(temporary,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS))) {
            out.useDefaultPrettyPrinter();
            out.writeStartObject();
            out.writeNumberField("schema_version", SCHEMA_VERSION);
            out.writeStringField("run_id", run.runId());
            out.writeStringField("tool", "dataload");
            out.writeStringField("tool_version", ToolVersion.get());
            out.writeStringField("invoked_as", run.tool());
            out.writeArrayFieldStart("arguments");
            for (String argument : run.arguments()) {
                out.writeString(argument);
            }
            out.writeEndArray();
            out.writeStringField("file", run.file());
            out.writeStringField("file_path", run.filePath());
            out.writeStringField("action", run.action());
            out.writeNumberField("attempt", run.attempt());
            out.writeNumberField("pid", run.pid());
            out.writeStringField("host", run.host());
            out.writeStringField("started", run.started().toString());
            out.writeStringField("finished", run.finished() == null ? null : run.finished().toString());
            if (run.finished() == null) {
                out.writeNullField("elapsed_seconds");
            } else {
                out.writeNumberField("elapsed_seconds", seconds(Duration.between(run.started(), run.finished())));
            }
            out.writeStringField("status", run.status());
            out.writeArrayFieldStart("entries");
            for (AttemptResult entry : run.entries()) {
                write(out, entry);
            }
            out.writeEndArray();
            out.writeArrayFieldStart("attempts");
            for (AttemptResult attempt : run.attempts()) {
                write(out, attempt);
            }
            out.writeEndArray();
            out.writeArrayFieldStart("processes");
            for (RunSummary.ChildProcess process : run.processes()) {
                out.writeStartObject();
                out.writeStringField("file", process.file());
                out.writeStringField("entry", process.entry());
                out.writeNumberField("pid", process.pid());
                out.writeStringField("started", process.started() == null ? null : process.started().toString());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return path;
    }

    private static void write(JsonGenerator out, AttemptResult entry) throws IOException {
        out.writeStartObject();
        out.writeStringField("file", entry.file());
        out.writeStringField("action", entry.action());
        out.writeStringField("entry", entry.entry());
        out.writeStringField("status", entry.outcome().word());
        out.writeNumberField("attempt", entry.attempt());
        out.writeStringField("started", entry.started() == null ? null : entry.started().toString());
        out.writeStringField("finished", entry.finished() == null ? null : entry.finished().toString());
        if (entry.elapsed() == null) {
            out.writeNullField("elapsed_seconds");
        } else {
            out.writeNumberField("elapsed_seconds", seconds(entry.elapsed()));
        }
        out.writeNumberField("rows", entry.rows());
        out.writeStringField("error", entry.error());
        Failure failure = entry.failure();
        if (failure != null) {
            out.writeObjectFieldStart("failure");
            out.writeStringField("sqlstate", failure.sqlState());
            if (failure.vendorCode() == null) {
                out.writeNullField("vendor_code");
            } else {
                out.writeNumberField("vendor_code", failure.vendorCode());
            }
            out.writeStringField("message", failure.message());
            out.writeStringField("script", failure.file());
            writeNumber(out, "statement", failure.statement());
            writeNumber(out, "line", failure.line());
            out.writeStringField("statement_text", failure.statementText());
            out.writeStringField("where", failure.where());
            out.writeEndObject();
        }
        out.writeEndObject();
    }

    private static void writeNumber(JsonGenerator out, String name, Integer value) throws IOException {
        if (value == null) {
            out.writeNullField(name);
        } else {
            out.writeNumberField(name, value);
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1_000_000L / 1000.0;
    }

    /** An earlier run of an action file and action, as its results file recorded it. */
    public record PastRun(Path results, String status, Instant started, List<PastEntry> entries,
            List<RunSummary.ChildProcess> processes) {
    }

    /** One entry of an earlier run: its file (absolute), name and last status word. */
    public record PastEntry(Path file, String entry, String status) {
    }

    /**
     * Every earlier run of {@code actionFile} (absolute) and {@code action} in {@code dir}, newest
     * first. Runs are told apart by the absolute path they recorded, not by their file names, so
     * {@code x/r.json} and {@code x_r.json}, or {@code ./r.json} and {@code r.json}, are never confused.
     * Files written before the path was recorded are matched by their file name resolved in
     * {@code workDir}.
     */
    public static List<PastRun> runsOf(Path dir, Path workDir, String wrapper, Path actionFile, String action)
            throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Path wanted = actionFile.toAbsolutePath().normalize();
        String prefix = LogFileWriter.prefix(wrapper, workDir, wanted, action);
        Pattern rest = Pattern.compile("\\d+_\\d{14}(_\\d+)?" + Pattern.quote(SUFFIX));
        ObjectMapper mapper = new ObjectMapper();
        List<PastRun> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path path : files.toList()) {
                String name = path.getFileName().toString();
                if (!name.startsWith(prefix) || !rest.matcher(name.substring(prefix.length())).matches()) {
                    continue;
                }
                JsonNode run;
                try {
                    run = mapper.readTree(path.toFile());
                } catch (IOException e) {
                    continue; // not a results file of ours
                }
                Path recorded = run.hasNonNull("file_path") ? Path.of(run.path("file_path").asText())
                        : workDir.resolve(run.path("file").asText()).toAbsolutePath().normalize();
                if (!recorded.equals(wanted) || !run.path("action").asText().equals(action)) {
                    continue;
                }
                List<PastEntry> entries = new ArrayList<>();
                for (JsonNode entry : run.path("entries")) {
                    entries.add(new PastEntry(workDir.resolve(entry.path("file").asText()).toAbsolutePath().normalize(),
                            entry.path("entry").asText(), entry.path("status").asText()));
                }
                List<RunSummary.ChildProcess> processes = new ArrayList<>();
                for (JsonNode process : run.path("processes")) {
                    processes.add(new RunSummary.ChildProcess(process.path("file").asText(),
                            process.path("entry").asText(), process.path("pid").asLong(),
                            instant(process.path("started").asText(null))));
                }
                runs.add(new PastRun(path, run.path("status").asText(), instant(run.path("started").asText(null)),
                        entries, processes));
            }
        }
        runs.sort(Comparator.comparing(PastRun::started, Comparator.nullsFirst(Comparator.naturalOrder())).reversed());
        return runs;
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
