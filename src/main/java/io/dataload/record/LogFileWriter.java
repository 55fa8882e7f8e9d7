package io.dataload.record;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Saves the execution log under the Python tool's name:
 * {@code <Wrapper>_<action file path, / as _, without .json>_<action>_<attempt>_<MMddyyyyHHmmss>.log},
 * one {@code time text} line per record, grouped by entry. Readable by its owner only.
 */
public final class LogFileWriter {
    private static final String CONTINUATION = "        ";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMddyyyyHHmmss");

    public static String fileName(String wrapper, String actionFile, String action, int attempt, LocalDateTime when) {
        return prefix(wrapper, actionFile, action) + attempt + "_" + STAMP.format(when) + ".log";
    }

    /** The part of the name shared by every run of a file and action: {@code <Wrapper>_<path>_<action>_}. */
    static String prefix(String wrapper, String actionFile, String action) {
        String path = actionFile.replace('\\', '/');
        if (path.endsWith(".json")) {
            path = path.substring(0, path.length() - ".json".length());
        }
        return wrapper + "_" + path.replace('/', '_') + "_" + action + "_";
    }

    public static Path write(Path dir, String name, ExecutionLog log, String runLabel) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // a second run in the same second: append to the same log, as the timestamp is the same
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            for (Map.Entry<String, List<LogRecord>> group : log.grouped().entrySet()) {
                String entry = group.getKey() == null ? runLabel : group.getKey();
                for (LogRecord record : group.getValue()) {
                    // a record's further lines (a script, a command's output) are indented under it
                    out.write(ExecutionLog.TIME.format(record.time()) + " [" + entry + "] "
                            + record.text().replace("\n", "\n" + CONTINUATION) + "\n");
                }
            }
        }
        return file;
    }
}
