package io.dataload.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataload.execute.EntryResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The machine-readable results of a run, saved next to its log ({@code <log name>.results.json}):
 * per entry the file, action, status, attempt, times, rows and (masked) error. {@code --resume}
 * reads the latest one of a file and action.
 */
public final class RunResultsFile {
    public static final String SUFFIX = ".results.json";

    private RunResultsFile() {
    }

    public static Path write(Path dir, String logName, String file, String action, int attempt, Instant started,
            boolean success, List<EntryResult> entries) throws IOException {
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
            out.writeStringField("file", file);
            out.writeStringField("action", action);
            out.writeNumberField("attempt", attempt);
            out.writeStringField("started", started.toString());
            out.writeStringField("finished", Instant.now().toString());
            out.writeStringField("status", success ? "succeeded" : "failed");
            out.writeArrayFieldStart("entries");
            for (EntryResult entry : entries) {
                out.writeStartObject();
                out.writeStringField("file", entry.file());
                out.writeStringField("action", entry.action());
                out.writeStringField("entry", entry.entry());
                out.writeStringField("status", entry.outcome().word());
                out.writeNumberField("attempt", entry.attempt());
                out.writeStringField("started", entry.started() == null ? null : entry.started().toString());
                out.writeStringField("finished", entry.finished() == null ? null : entry.finished().toString());
                out.writeNumberField("rows", entry.rows());
                out.writeStringField("error", entry.error());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        return path;
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

    private static String finished(Path results) {
        try {
            return new ObjectMapper().readTree(results.toFile()).path("finished").asText();
        } catch (IOException e) {
            return "";
        }
    }
}
