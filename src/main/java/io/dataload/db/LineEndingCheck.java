package io.dataload.db;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a delimited file through unchanged while checking that every record ends the way the
 * first one does (CRLF or LF); line ends inside quoted fields are data and not checked. A load
 * whose terminator is taken from the first line would otherwise glue a record ending the other
 * way onto the next one (or keep its CR as data) without a word. At the first record that ends
 * the other way the stream ends and {@link #problem()} says why.
 */
final class LineEndingCheck extends FilterInputStream {
    private final boolean crlf;
    private final int quote;
    private final String name;
    private boolean quoted;
    private int previous = -1;
    private long line = 1;
    private String problem;

    /**
     * Reads the whole file through the check: why it cannot be loaded with one line terminator, or
     * null. (The driver reads the file itself when the server asks for it, so the check cannot ride
     * on that read.)
     */
    static String scan(java.nio.file.Path file, boolean crlf, char quote) throws java.sql.SQLException {
        byte[] buffer = new byte[1 << 20];
        try (LineEndingCheck in = new LineEndingCheck(java.nio.file.Files.newInputStream(file), crlf, quote,
                file.getFileName().toString())) {
            while (in.read(buffer, 0, buffer.length) > 0) {
                // read to the end or to the first record that ends the other way
            }
            return in.problem();
        } catch (IOException e) {
            throw new java.sql.SQLException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    LineEndingCheck(InputStream in, boolean crlf, char quote, String name) {
        super(in);
        this.crlf = crlf;
        this.quote = quote;
        this.name = name;
    }

    /** Why the file cannot be loaded as it is; null while every record ends the same way. */
    String problem() {
        return problem;
    }

    @Override
    public int read() throws IOException {
        if (problem != null) {
            return -1;
        }
        int c = super.read();
        if (c >= 0 && !check(c)) {
            return -1;
        }
        return c;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (problem != null) {
            return -1;
        }
        int n = super.read(buffer, offset, length);
        for (int i = offset; i < offset + n; i++) {
            if (!check(buffer[i] & 0xff)) {
                return i - offset; // what came before the bad line end; the load fails afterwards in any case
            }
        }
        return n;
    }

    /** False at a record end of the other kind. */
    private boolean check(int c) {
        if (c == quote) {
            quoted = !quoted; // a doubled quote toggles twice
        } else if (c == '\n' && !quoted) {
            boolean endsCrlf = previous == '\r';
            if (endsCrlf != crlf) {
                problem = name + " mixes line endings: line " + line + " ends with " + (endsCrlf ? "CRLF" : "LF")
                        + ", the first line with " + (crlf ? "CRLF" : "LF")
                        + "; nothing was loaded (convert the file to one line ending, e.g. with dos2unix)";
                return false;
            }
            line++;
        } else if (c == '\n') {
            line++;
        }
        previous = c;
        return true;
    }
}
