package io.dataload.db;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Turns PostgreSQL's CSV output into Python's while it streams: LF record ends become CRLF (line
 * breaks inside quoted fields stay as they are; a doubled quote toggles twice, so the quote state
 * stays right), and a timestamp column's text is printed as Python prints a datetime: the fraction
 * padded to six digits (the server trims its zeros). Timestamps Python cannot hold are printed as
 * {@code to_char(ts, 'YYYY-MM-DD HH24:MI:SS.US')} would (" BC" dropped) and infinity as an empty
 * field. Timestamp fields are never quoted: the caller uses this only with a delimiter and quote
 * that cannot occur in a timestamp's text.
 *
 * <p>With Python's {@code lineterminator "\n"} the record ends stay LF, and a field the server
 * quoted only for a carriage return is unquoted: Python quotes a field for the delimiter, the quote
 * character and the characters of the line terminator, the server also for CR. Such a field is kept
 * whole in the buffer until it ends, so that its quotes can still be taken out.
 *
 * <p>With Python's {@code QUOTE_ALL} the server quotes every value but the timestamps ({@code
 * FORCE_QUOTE}); a field that arrives unquoted (a timestamp, or NULL's empty field, which Python writes
 * as {@code ""}) is quoted here. {@code QUOTE_NONNUMERIC} alike, with the numbers (and booleans, numbers
 * to Python) left bare.
 */
final class CopyOutRecords extends OutputStream {
    private static final int BUFFER = 1 << 16;
    private static final int MICROSECOND_DIGITS = 6;
    private static final byte[] BC = {' ', 'B', 'C'};

    private final OutputStream out;
    private final byte quote;
    private final byte delimiter;
    /** Per column: whether it is a timestamp. */
    private final boolean[] timestamp;
    /** The text of the timestamp field being read (at most 32 bytes, "-infinity" or "294276-12-31 23:59:59.999999 BC"). */
    private final byte[] stamp = new byte[64];
    private int stampLength;
    private byte[] buffer = new byte[BUFFER + 2 * 64];
    private int length;
    private boolean quoted;
    private int field;
    /**
     * Unquote mode (Python's line terminator is LF, quoting MINIMAL; or {@code unquoteAll}): a field quoted
     * for none of the characters Python quotes for is unquoted.
     */
    private final boolean lf;
    /** Python quotes for a carriage return too (its line terminator is CRLF). */
    private final boolean crQuotes;
    /** Python's line terminator is LF (else CRLF). */
    private final boolean lineFeed;
    /** LF mode: where the current field's opening quote is in the buffer (-1: the field is not quoted). */
    private int quoteAt = -1;
    /** LF mode: the quoted field holds what Python quotes for (the delimiter, a quote, LF). */
    private boolean pythonQuotes;
    /**
     * QUOTE_ALL and QUOTE_NONNUMERIC (else null): per column, whether a field that arrives bare is quoted (the
     * timestamps; every column for QUOTE_ALL); an empty bare field (NULL, which Python writes as "") always is.
     */
    private final boolean[] quoteBare;
    /** The current field arrived quoted. */
    private boolean fieldQuoted;
    /** Bytes of the current field arrived bare. */
    private boolean fieldHasBytes;
    /** Nothing of the current record has arrived yet. */
    private boolean recordStart = true;

    CopyOutRecords(OutputStream out, byte quote, byte delimiter, boolean[] timestamp) {
        this(out, quote, delimiter, timestamp, false);
    }

    CopyOutRecords(OutputStream out, byte quote, byte delimiter, boolean[] timestamp, boolean lf) {
        this(out, quote, delimiter, timestamp, lf, false);
    }

    CopyOutRecords(OutputStream out, byte quote, byte delimiter, boolean[] timestamp, boolean lf, boolean quoteAll) {
        this(out, quote, delimiter, timestamp, lf, quoteAll ? all(timestamp.length) : null, false);
    }

    private static boolean[] all(int columns) {
        boolean[] every = new boolean[columns];
        java.util.Arrays.fill(every, true);
        return every;
    }

    /**
     * {@code quoteBare}: see the field (null for QUOTE_MINIMAL). {@code unquoteAll}: every field the writer quoted
     * where Python would not is unquoted (DuckDB quotes a field for more than Python does: a leading {@code #}),
     * not only those quoted for a carriage return.
     */
    CopyOutRecords(OutputStream out, byte quote, byte delimiter, boolean[] timestamp, boolean lf, boolean[] quoteBare,
            boolean unquoteAll) {
        this.quoteBare = quoteBare == null ? null : quoteBare.clone();
        this.crQuotes = !lf;
        this.out = out;
        this.quote = quote;
        this.delimiter = delimiter;
        this.timestamp = timestamp.clone();
        this.lf = (lf || unquoteAll) && quoteBare == null;
        this.lineFeed = lf;
    }

    /**
     * Whether this stream can make Python's bytes of a database's CSV for these options: quoting MINIMAL, ALL or NONNUMERIC,
     * doubled quotes, CRLF or LF record ends, ASCII delimiter and quote (not a carriage return) and escape.
     */
    static boolean handles(io.dataload.config.CsvDialect csv) {
        boolean quoting = csv.quoting() != io.dataload.config.CsvDialect.Quoting.NONE;
        boolean lineEnd = csv.lineTerminator().equals("\r\n") || csv.lineTerminator().equals("\n");
        return quoting && csv.doubleQuote() && lineEnd && csv.quoteChar() <= 127 && csv.delimiter() <= 127
                && csv.delimiter() != '\r' && csv.quoteChar() != '\r' && (csv.escapeChar() == null || csv.escapeChar() <= 127);
    }

    /**
     * The columns (from 0) the database's writer must quote ({@code FORCE_QUOTE}) for Python's quoting: for
     * QUOTE_ALL all but the timestamps, for QUOTE_NONNUMERIC those that are neither timestamps nor numbers
     * ({@code numbers}: Python's numbers, booleans included), none for QUOTE_MINIMAL.
     */
    private static java.util.List<Integer> forced(io.dataload.config.CsvDialect csv, boolean[] timestamps, boolean[] numbers) {
        java.util.List<Integer> forced = new java.util.ArrayList<>();
        for (int i = 0; i < timestamps.length; i++) {
            boolean all = csv.quoting() == io.dataload.config.CsvDialect.Quoting.ALL;
            boolean nonNumeric = csv.quoting() == io.dataload.config.CsvDialect.Quoting.NONNUMERIC && !numbers[i];
            if (!timestamps[i] && (all || nonNumeric)) {
                forced.add(i);
            }
        }
        return forced;
    }

    /** COPY's FORCE_QUOTE option for Python's quoting, naming the select list's columns c1, c2, ...; or nothing. */
    static String forceQuote(io.dataload.config.CsvDialect csv, boolean[] timestamps, boolean[] numbers) {
        java.util.List<String> names = forced(csv, timestamps, numbers).stream().map(i -> "c" + (i + 1)).toList();
        return names.isEmpty() ? "" : ", FORCE_QUOTE (" + String.join(", ", names) + ")";
    }

    /** The stream's {@code quoteBare} for these options: null for QUOTE_MINIMAL. */
    static boolean[] quoteBare(io.dataload.config.CsvDialect csv, boolean[] timestamps) {
        return switch (csv.quoting()) {
            case ALL -> all(timestamps.length);
            case NONNUMERIC -> timestamps.clone();
            default -> null;
        };
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int count) throws IOException {
        int i = offset;
        int end = offset + count;
        if (count > 0) {
            recordStart = false;
        }
        while (i < end) {
            if (quoted) {
                int stop = i;
                while (stop < end && bytes[stop] != quote) {
                    if (lf && !pythonQuotes && (bytes[stop] == delimiter || bytes[stop] == '\n'
                            || (crQuotes && bytes[stop] == '\r'))) {
                        pythonQuotes = true;
                    }
                    stop++;
                }
                append(bytes, i, stop - i);
                if (stop == end) {
                    return;
                }
                appendByte(quote);
                quoted = false;
                i = stop + 1;
                continue;
            }
            int stop = i;
            while (stop < end) {
                byte b = bytes[stop];
                if (b == quote || b == delimiter || b == '\n') {
                    break;
                }
                stop++;
            }
            if (stop > i) {
                fieldHasBytes = true;
            }
            if (field < timestamp.length && timestamp[field]) {
                appendStamp(bytes, i, stop - i);
            } else {
                append(bytes, i, stop - i);
            }
            if (stop == end) {
                return;
            }
            byte b = bytes[stop];
            if (b == quote) {
                spillStamp();
                fieldQuoted = true;
                if (lf) {
                    if (quoteAt < 0) {
                        quoteAt = length;
                    } else {
                        pythonQuotes = true; // a doubled quote inside the field
                    }
                }
                appendByte(quote);
                quoted = true;
            } else if (b == delimiter) {
                endField();
                appendByte(delimiter);
                field++;
            } else {
                endField();
                if (!lineFeed) {
                    appendByte((byte) '\r');
                }
                appendByte((byte) '\n');
                field = 0;
                if (stop + 1 == end) {
                    recordStart = true;
                }
            }
            i = stop + 1;
        }
    }

    private void append(byte[] bytes, int from, int count) throws IOException {
        if (quoteAt >= 0 && length + count > buffer.length - 2 * 64) {
            // a quoted field stays whole in the buffer until it ends (its quotes may go)
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count + 2 * 64));
        }
        if (quoteAt < 0 && length + count > BUFFER) {
            out.write(buffer, 0, length);
            length = 0;
            if (count > BUFFER) {
                out.write(bytes, from, count);
                return;
            }
        }
        System.arraycopy(bytes, from, buffer, length, count);
        length += count;
    }

    private void appendByte(byte b) throws IOException {
        if (length == buffer.length && quoteAt >= 0) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        if (length == buffer.length) {
            out.write(buffer, 0, length);
            length = 0;
        }
        buffer[length++] = b;
    }

    private void appendStamp(byte[] bytes, int from, int count) throws IOException {
        if (stampLength + count > stamp.length) {
            // not a timestamp's text: passed on as it is
            spillStamp();
            append(bytes, from, count);
            return;
        }
        System.arraycopy(bytes, from, stamp, stampLength, count);
        stampLength += count;
    }

    private void spillStamp() throws IOException {
        append(stamp, 0, stampLength);
        stampLength = 0;
    }

    private void endField() throws IOException {
        if (quoteBare != null) {
            boolean wrap = !fieldQuoted && (!fieldHasBytes || (field < quoteBare.length && quoteBare[field]));
            fieldQuoted = false;
            fieldHasBytes = false;
            if (wrap) {
                appendByte(quote);
                writeStamp();
                appendByte(quote);
                return;
            }
        }
        if (quoteAt >= 0) {
            if (!pythonQuotes) {
                // quoted by the server for a CR only: Python writes it bare
                System.arraycopy(buffer, quoteAt + 1, buffer, quoteAt, length - quoteAt - 2);
                length -= 2;
            }
            quoteAt = -1;
            pythonQuotes = false;
            if (length > BUFFER) {
                out.write(buffer, 0, length);
                length = 0;
            }
        }
        writeStamp();
    }

    /** The timestamp field's text, as Python prints it. */
    private void writeStamp() throws IOException {
        if (stampLength == 0) {
            return;
        }
        if (length + stamp.length + MICROSECOND_DIGITS > buffer.length) {
            out.write(buffer, 0, length);
            length = 0;
        }
        int end = stampLength;
        stampLength = 0;
        if (stamp[end - 1] == 'y') {
            return; // infinity or -infinity
        }
        if (end >= BC.length && Arrays.equals(stamp, end - BC.length, end, BC, 0, BC.length)) {
            end -= BC.length;
        }
        System.arraycopy(stamp, 0, buffer, length, end);
        length += end;
        int dot = end - 1;
        while (dot >= 0 && stamp[dot] != '.') {
            dot--;
        }
        for (int digits = end - dot - 1; dot >= 0 && digits < MICROSECOND_DIGITS; digits++) {
            buffer[length++] = '0';
        }
    }

    @Override
    public void flush() throws IOException {
        if (!recordStart) {
            endField();
        }
        out.write(buffer, 0, length);
        length = 0;
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
