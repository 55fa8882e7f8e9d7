package io.dataload.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The files one window (one tag) of a partitioned extract has written, one line each:
 * {@code run TAB partition TAB name}. A line is added before its file is created, so that an attempt
 * that dies leaves its files findable; the log is rewritten when a commit drops files.
 */
final class WindowLog {
    static final String FOLDER = "_windows";

    record Line(String run, String partition, String name) {
    }

    private final Path file;

    WindowLog(Path file) {
        this.file = file;
    }

    List<Line> read() throws IOException {
        List<Line> lines = new ArrayList<>();
        try {
            for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = text.split("\t", -1);
                if (parts.length == 3) {
                    lines.add(new Line(parts[0], parts[1], parts[2]));
                }
            }
        } catch (NoSuchFileException e) {
            return lines;
        }
        return lines;
    }

    void append(Line line) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            out.write(line.run() + "\t" + line.partition() + "\t" + line.name() + "\n");
        }
    }

    /** The log as {@code kept} then {@code added}, replaced whole. */
    void rewrite(List<Line> kept, List<Line> added) throws IOException {
        Set<Line> lines = new LinkedHashSet<>(kept);
        lines.addAll(added);
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            for (Line line : lines) {
                out.write(line.run() + "\t" + line.partition() + "\t" + line.name() + "\n");
            }
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
