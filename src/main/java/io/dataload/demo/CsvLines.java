package io.dataload.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes the demo's CSV files the way a typical export does: text quoted, numbers and timestamps
 * bare, an empty field for a missing value, LF line ends.
 */
final class CsvLines implements AutoCloseable {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(128);
    private long rows;
    private int fields;

    CsvLines(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    CsvLines text(String value) {
        separate();
        if (value != null && !value.isEmpty()) {
            line.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
        return this;
    }

    CsvLines number(Object value) {
        separate();
        if (value != null) {
            line.append(value);
        }
        return this;
    }

    CsvLines time(LocalDateTime value) {
        separate();
        if (value != null) {
            line.append(value.getNano() == 0 ? SECONDS.format(value) : MICROS.format(value));
        }
        return this;
    }

    void end() throws IOException {
        line.append('\n');
        out.append(line);
        line.setLength(0);
        fields = 0;
        rows++;
    }

    long rows() {
        return rows;
    }

    private void separate() {
        if (fields++ > 0) {
            line.append(',');
        }
    }

    /** Appends a raw header line. */
    void header(String text) throws IOException {
        out.append(text).append('\n');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
