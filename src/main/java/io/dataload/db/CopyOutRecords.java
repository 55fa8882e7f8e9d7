package io.dataload.db;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Turns PostgreSQL's CSV output into Python's while it streams: LF record ends become CRLF (line
 * breaks inside quoted fields stay as they are; a doubled quote toggles twice, so the quote state
 * stays right), and the fraction of a timestamp column is padded to six digits, as Python prints
 * microseconds (the server trims trailing zeros). Timestamp fields are never quoted: the caller
 * uses this only with a delimiter and quote that cannot occur in a timestamp's text.
 */
final class CopyOutRecords extends OutputStream {
    private static final int BUFFER = 1 << 16;
    private static final int MICROSECOND_DIGITS = 6;

    private final OutputStream out;
    private final byte quote;
    private final byte delimiter;
    /** Per column: whether it is a timestamp whose fraction needs padding. */
    private final boolean[] padFraction;
    private final byte[] buffer = new byte[BUFFER + 2 * MICROSECOND_DIGITS];
    private int length;
    private boolean quoted;
    private int field;
    /** In a timestamp field: -1 before its '.', then the digits seen after it. */
    private int fractionDigits = -1;

    CopyOutRecords(OutputStream out, byte quote, byte delimiter, boolean[] padFraction) {
        this.out = out;
        this.quote = quote;
        this.delimiter = delimiter;
        this.padFraction = padFraction.clone();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int count) throws IOException {
        int end = offset + count;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            if (quoted) {
                if (b == quote) {
                    quoted = false;
                }
            } else if (b == quote) {
                quoted = true;
            } else if (b == delimiter) {
                endField();
                field++;
            } else if (b == '\n') {
                endField();
                field = 0;
                buffer[length++] = '\r';
            } else if (field < padFraction.length && padFraction[field]) {
                if (b == '.') {
                    fractionDigits = 0;
                } else if (fractionDigits >= 0) {
                    fractionDigits++;
                }
            }
            buffer[length++] = b;
            if (length >= BUFFER) {
                out.write(buffer, 0, length);
                length = 0;
            }
        }
    }

    private void endField() {
        while (fractionDigits >= 0 && fractionDigits < MICROSECOND_DIGITS) {
            buffer[length++] = '0';
            fractionDigits++;
        }
        fractionDigits = -1;
    }

    @Override
    public void flush() throws IOException {
        out.write(buffer, 0, length);
        length = 0;
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
