package io.dataload.record;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The Python tool's log name:
 * {@code <Wrapper>_<action file path, / as _, without .json>_<action>_<attempt>_<MMddyyyyHHmmss>.log};
 * the path is the action file's, relative to the working directory and normalised ({@code ./r.json}
 * is {@code r.json}). A second run in the same second gets {@code _2}, {@code _3}… ({@link RunJournal}).
 */
public final class LogFileWriter {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMddyyyyHHmmss");

    private LogFileWriter() {
    }

    /** The log's name without {@code .log}. */
    public static String baseName(String wrapper, Path workDir, Path actionFile, String action, int attempt,
            LocalDateTime when) {
        return prefix(wrapper, workDir, actionFile, action) + attempt + "_" + STAMP.format(when);
    }

    /** The part of the name shared by every run of a file and action: {@code <Wrapper>_<path>_<action>_}. */
    static String prefix(String wrapper, Path workDir, Path actionFile, String action) {
        Path absolute = actionFile.toAbsolutePath().normalize();
        Path base = workDir.toAbsolutePath().normalize();
        String path = (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString().replace('\\', '/');
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (path.endsWith(".json")) {
            path = path.substring(0, path.length() - ".json".length());
        }
        return wrapper + "_" + path.replace('/', '_') + "_" + action + "_";
    }
}
