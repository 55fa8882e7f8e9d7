package io.dataload.execute;

import io.dataload.db.CopyJob;
import io.dataload.db.Dialect;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One copy loaded as several streams at once, one a connection, each in its own transaction: the
 * files are read once, in order, cut into blocks of whole records (a line break inside a quoted
 * field is not a record's end; a header line is dropped), and the blocks dealt out to the streams in
 * turn. The caller commits every connection only when every stream succeeded, and rolls them all
 * back otherwise. Memory: at most two blocks waiting per stream.
 */
final class ParallelCopy {
    private static final int BLOCK = 4 << 20;
    private static final byte[] END = new byte[0];

    private ParallelCopy() {
    }

    /** Loads the files over the connections (the first is the action's own); returns the rows. */
    static long run(Dialect dialect, CopyJob job, List<Path> files, Dialect.FileOpener opener, List<Connection> connections)
            throws SQLException, IOException {
        int streams = connections.size();
        List<BlockingQueue<byte[]>> queues = new ArrayList<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicLong rows = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(2);
            queues.add(queue);
            Connection connection = connections.get(s);
            Thread thread = new Thread(() -> {
                try (InputStream in = new BlockStream(queue)) {
                    rows.addAndGet(dialect.copyPart(connection, job, in));
                } catch (SQLException | IOException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                    queue.clear();
                }
            }, "dataload-copy-" + s);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        int next = 0;
        try {
            byte quote = (byte) job.format().quoteChar();
            for (Path file : files) {
                try (InputStream in = opener.open(file)) {
                    next = deal(in, quote, job.format().header(), queues, next, failure);
                }
                if (failure.get() != null) {
                    break;
                }
            }
        } finally {
            for (BlockingQueue<byte[]> queue : queues) {
                put(queue, END, failure, true);
            }
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure.compareAndSet(null, new IOException("interrupted"));
                }
            }
        }
        Exception failed = failure.get();
        if (failed instanceof SQLException sql) {
            throw sql;
        }
        if (failed instanceof IOException io) {
            throw io;
        }
        if (failed != null) {
            throw new IOException(failed.getMessage(), failed);
        }
        return rows.get();
    }

    /** Reads one file into blocks of whole records, dealt out from stream {@code next}; returns the next stream. */
    private static int deal(InputStream in, byte quote, boolean header, List<BlockingQueue<byte[]>> queues, int next,
            AtomicReference<Exception> failure) throws IOException {
        byte[] buffer = new byte[BLOCK];
        int length = 0;
        boolean skip = header;
        while (failure.get() == null) {
            int n = in.readNBytes(buffer, length, buffer.length - length);
            length += n;
            boolean eof = length < buffer.length;
            // the last record end outside quotes (the state at the block's start is always outside)
            boolean quoted = false;
            int cut = -1;
            for (int i = 0; i < length; i++) {
                byte b = buffer[i];
                if (b == quote) {
                    quoted = !quoted;
                } else if (b == '\n' && !quoted) {
                    cut = i;
                    if (skip) {
                        // the header line: not data
                        System.arraycopy(buffer, i + 1, buffer, 0, length - i - 1);
                        length -= i + 1;
                        i = -1;
                        cut = -1;
                        skip = false;
                    }
                }
            }
            if (eof) {
                if (length > 0 && !skip) {
                    byte[] last = Arrays.copyOf(buffer, length + (buffer[length - 1] == '\n' ? 0 : 1));
                    last[last.length - 1] = '\n'; // a last record without its line end: the next file's must not join it
                    put(queues.get(next), last, failure, false);
                    next = (next + 1) % queues.size();
                }
                return next;
            }
            if (cut < 0) {
                // one record longer than a block: the block grows
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
                continue;
            }
            put(queues.get(next), Arrays.copyOf(buffer, cut + 1), failure, false);
            next = (next + 1) % queues.size();
            System.arraycopy(buffer, cut + 1, buffer, 0, length - cut - 1);
            length -= cut + 1;
        }
        return next;
    }

    private static void put(BlockingQueue<byte[]> queue, byte[] block, AtomicReference<Exception> failure, boolean always)
            throws IOException {
        try {
            while (!queue.offer(block, 100, TimeUnit.MILLISECONDS)) {
                if (failure.get() != null && !always) {
                    return; // a stream failed: nothing more is sent
                }
                if (failure.get() != null) {
                    queue.clear();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    /** A stream's records: the blocks dealt to it, until the end mark. */
    private static final class BlockStream extends InputStream {
        private final BlockingQueue<byte[]> queue;
        private byte[] block = new byte[0];
        private int position;
        private boolean ended;

        BlockStream(BlockingQueue<byte[]> queue) {
            this.queue = queue;
        }

        private boolean fill() throws IOException {
            while (!ended && position == block.length) {
                try {
                    block = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
                position = 0;
                ended = block == END;
            }
            return !ended;
        }

        @Override
        public int read() throws IOException {
            return fill() ? block[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] target, int offset, int count) throws IOException {
            if (count == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(count, block.length - position);
            System.arraycopy(block, position, target, offset, n);
            position += n;
            return n;
        }
    }
}
