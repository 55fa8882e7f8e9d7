package io.dataload.execute;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Counts the bytes a bulk load reads and reports progress (bytes done, share of the file, rate)
 * at most once per interval, so a long load shows it is moving.
 */
final class ProgressInputStream extends FilterInputStream {
    private static final long INTERVAL_NANOS = 5_000_000_000L;

    private final long total;
    private final Consumer<String> report;
    private final long start = System.nanoTime();
    private long done;
    private long lastReport = start;

    ProgressInputStream(InputStream in, long total, Consumer<String> report) {
        super(in);
        this.total = total;
        this.report = report;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        done += n;
        long now = System.nanoTime();
        if (now - lastReport >= INTERVAL_NANOS) {
            lastReport = now;
            double seconds = (now - start) / 1e9;
            report.accept(String.format("read %s of %s (%d%%), %s/s", size(done), size(total),
                    total > 0 ? done * 100 / total : 0, size((long) (done / seconds))));
        }
    }

    static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format("%.1f GB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format("%.1f MB", bytes / (double) (1L << 20));
        }
        return String.format("%.1f KB", bytes / 1024.0);
    }
}
