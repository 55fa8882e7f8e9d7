package io.dataload.db;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Turns the LF record ends of a CSV stream into CRLF, leaving line breaks inside quoted fields as
 * they are (a doubled quote toggles twice, so the quote state stays right).
 */
final class CrlfRecords extends FilterOutputStream {
    private final byte quote;
    private boolean quoted;

    CrlfRecords(OutputStream out, byte quote) {
        super(out);
        this.quote = quote;
    }

    @Override
    public void write(int b) throws IOException {
        if (b == quote) {
            quoted = !quoted;
        } else if (b == '\n' && !quoted) {
            out.write('\r');
        }
        out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            if (b == quote) {
                quoted = !quoted;
            } else if (b == '\n' && !quoted) {
                out.write(bytes, start, i - start);
                out.write('\r');
                start = i;
            }
        }
        out.write(bytes, start, end - start);
    }
}
