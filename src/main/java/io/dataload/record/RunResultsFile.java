package io.dataload.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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

    public static Path write(Path dir, String logName, RunSummary run) throws IOException {
        Files.createDirectories(dir);
        Path path = dir.resolve(logName.replaceFirst("\\.log$", "") + SUFFIX);
        Files.deleteIfExists(path);
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(path);
        }
        // written with the streaming generator: the object mapper's set-up is not worth it on every run
        try (JsonGenerator out = new JsonFactory().createGenerator(Files.newBufferedWriter(path))) {
            out.useDefaultPrettyPrinter();
            out.writeStartObject();
            out.writeNumberField("schema_version", SCHEMA_VERSION);
            out.writeStringField("tool", "dataload");
            out.writeStringField("tool_version", ToolVersion.get());
            out.writeStringField("invoked_as", run.tool());
            out.writeArrayFieldStart("arguments");
            for (String argument : run.arguments()) {
                out.writeString(argument);
            }
            out.writeEndArray();
            out.writeStringField("file", run.file());
            out.writeStringField("action", run.action());
            out.writeNumberField("attempt", run.attempt());
            out.writeStringField("started", run.started().toString());
            out.writeStringField("finished", run.finished().toString());
            out.writeNumberField("elapsed_seconds", seconds(Duration.between(run.started(), run.finished())));
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
            out.writeEndObject();
        }
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

    /**
     * The latest results file of a wrapper, action file and action in {@code dir}, as its log name
     * pattern gives it ({@code <wrapper>_<file>_<action>_<attempt>_<stamp>.results.json}).
     */
    public static Optional<Path> latest(Path dir, String wrapper, String actionFile, String action) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        String prefix = LogFileWriter.prefix(wrapper, actionFile, action);
        Pattern rest = Pattern.compile("\\d+_\\d{14}" + Pattern.quote(SUFFIX));
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(prefix) && rest.matcher(name.substring(prefix.length())).matches();
            }).max(Comparator.comparing(RunResultsFile::finished));
        }
    }

    /** The entries of {@code file}/{@code action} that failed or never ran in a results file. */
    public static Set<String> toRerun(Path results, String file, String action) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode entry : new ObjectMapper().readTree(results.toFile()).path("entries")) {
            String status = entry.path("status").asText();
            if (entry.path("file").asText().equals(file) && entry.path("action").asText().equals(action)
                    && (status.equals("failed") || status.equals("interrupted") || status.equals("not run"))) {
                names.add(entry.path("entry").asText());
            }
        }
        return names;
    }

    /** When a results file's run finished, as an instant: texts with fractions of different length do not sort. */
    static Instant finished(Path results) {
        try {
            return Instant.parse(new ObjectMapper().readTree(results.toFile()).path("finished").asText());
        } catch (IOException | DateTimeParseException e) {
            return Instant.MIN;
        }
    }
}
