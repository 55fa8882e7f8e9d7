package io.dataload.db;

import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the records of a delimited file as a CSV reader splits them: a line end inside a quoted
 * field is data; a last record without a line end counts; a header line does not. What a bulk load
 * must report as loaded, read at the speed of the disk.
 */
final class CsvRecordCount {
    private CsvRecordCount() {
    }

    static long of(InputStream in, char quote, boolean header) throws IOException {
        byte[] buffer = new byte[1 << 16];
        int q = quote;
        boolean quoted = false;
        boolean inRecord = false;
        long records = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            for (int i = 0; i < n; i++) {
                int c = buffer[i];
                if (c == q) {
                    // a doubled quote toggles twice: the field stays quoted
                    quoted = !quoted;
                    inRecord = true;
                } else if (c == '\n' && !quoted) {
                    records++;
                    inRecord = false;
                } else if (c != '\r' || quoted) {
                    inRecord = true;
                }
            }
        }
        if (inRecord) {
            records++;
        }
        return header ? Math.max(0, records - 1) : records;
    }
}
