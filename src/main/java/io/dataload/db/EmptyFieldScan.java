package io.dataload.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a delimited file has an empty field (unquoted, or a quoted {@code ""}) anywhere. LOAD
 * DATA needs every column sent through NULLIF only when one has; a file without any loads faster
 * without it. Stops at the first empty field. A state machine over a large buffer: a file without
 * one is read to the end, at the speed of the disk.
 */
final class EmptyFieldScan {
    private static final int HEADER = 0;
    /** At the start of a record: the end of the file here ends the last record. */
    private static final int LINE_START = 1;
    /** At the start of a field after a delimiter: the end of the file here is an empty last field. */
    private static final int FIELD_START = 2;
    private static final int UNQUOTED = 3;
    private static final int QUOTED = 4;
    /** A quote inside a quoted field: doubled, or the end of the field. */
    private static final int QUOTED_QUOTE = 5;
    private static final int AFTER_CR = 6;

    private EmptyFieldScan() {
    }

    static boolean hasEmptyField(Path file, char delimiter, char quote, boolean header) throws IOException {
        return hasEmptyField(file, delimiter, quote, header, 1 << 20);
    }

    static boolean hasEmptyField(Path file, char delimiter, char quote, boolean header, int bufferSize)
            throws IOException {
        // bytes compared with the characters, as LOAD DATA compares them
        int d = delimiter;
        int q = quote;
        byte[] buffer = new byte[bufferSize];
        int state = header ? HEADER : LINE_START;
        long quotedLength = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                int i = 0;
                while (i < n) {
                    int c = buffer[i] & 0xff;
                    switch (state) {
                        case HEADER:
                            while (i < n && buffer[i] != '\n') {
                                i++;
                            }
                            if (i < n) {
                                state = LINE_START;
                                i++;
                            }
                            continue;
                        case LINE_START:
                        case FIELD_START:
                            if (c == d || c == '\r' || c == '\n') {
                                return true;
                            }
                            if (c == q) {
                                state = QUOTED;
                                quotedLength = 0;
                            } else {
                                state = UNQUOTED;
                            }
                            i++;
                            continue;
                        case UNQUOTED:
                            while (i < n) {
                                c = buffer[i] & 0xff;
                                if (c == d || c == '\r' || c == '\n') {
                                    break;
                                }
                                i++;
                            }
                            if (i < n) {
                                state = endOfField(c);
                                i++;
                            }
                            continue;
                        case QUOTED:
                            int from = i;
                            while (i < n && (buffer[i] & 0xff) != q) {
                                i++;
                            }
                            quotedLength += i - from;
                            if (i < n) {
                                state = QUOTED_QUOTE;
                                i++;
                            }
                            continue;
                        case QUOTED_QUOTE:
                            if (c == q) {
                                quotedLength++;
                                state = QUOTED;
                            } else if (quotedLength == 0) {
                                return true;
                            } else {
                                state = endOfField(c);
                            }
                            i++;
                            continue;
                        case AFTER_CR:
                            // CRLF ends the record; anything else after CR is skipped as a delimiter would be
                            state = c == '\n' ? LINE_START : FIELD_START;
                            i++;
                            continue;
                        default:
                            throw new IllegalStateException("state " + state);
                    }
                }
            }
        }
        switch (state) {
            case FIELD_START:
                return true;
            case QUOTED:
            case QUOTED_QUOTE:
                return quotedLength == 0;
            default:
                return false;
        }
    }

    /** The state after the character that ended a field (a delimiter, CR, LF, or junk after a closing quote). */
    private static int endOfField(int c) {
        if (c == '\r') {
            return AFTER_CR;
        }
        if (c == '\n') {
            return LINE_START;
        }
        return FIELD_START;
    }
}
