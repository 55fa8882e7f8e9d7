package io.dataload.record;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The lock of one action file and action, held for the length of a run: runs share it (the same
 * file may run for several tenants at once), a {@code --resume} takes it alone, so a resume never
 * runs an entry that a still-going run is running. It is an operating-system file lock in the log
 * folder, so it is released when the process dies, even by {@code kill -9}; within one process
 * (a scheduler, a worker) the holders are counted here, as the JVM shares one file lock.
 */
public final class RunLock implements AutoCloseable {
    private static final Map<Path, Holder> HELD = new HashMap<>();

    private final Path file;
    private boolean released;

    private RunLock(Path file) {
        this.file = file;
    }

    /** Thrown when another run holds the lock; the message says which way. */
    public static final class BusyException extends Exception {
        public BusyException(String message) {
            super(message);
        }
    }

    /** The lock file of an action file (by its absolute, normalised path) and action, in {@code dir}. */
    public static Path fileFor(Path dir, Path actionFile, String action) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((actionFile.toAbsolutePath().normalize() + "\0" + action)
                    .getBytes(StandardCharsets.UTF_8));
            return dir.resolve(".dataload-" + HexFormat.of().formatHex(hash, 0, 10) + ".lock");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Takes the lock, shared (a run) or alone (a resume); throws when it cannot be had now. */
    public static synchronized RunLock acquire(Path file, boolean exclusive) throws IOException, BusyException {
        Holder holder = HELD.get(file);
        if (holder != null) {
            if (exclusive || holder.exclusive) {
                throw busy(holder.exclusive);
            }
            holder.count++;
            return new RunLock(file);
        }
        IoErrors.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        FileLock lock;
        try {
            lock = channel.tryLock(0, Long.MAX_VALUE, !exclusive);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw busy(!exclusive);
        }
        HELD.put(file, new Holder(channel, lock, exclusive));
        return new RunLock(file);
    }

    private static BusyException busy(boolean heldByResume) {
        return new BusyException(heldByResume
                ? "a --resume of this file and action is running; try again when it has finished"
                : "a run of this file and action is still going; --resume waits until it has finished"
                        + " (or stop it first)");
    }

    @Override
    public void close() {
        synchronized (RunLock.class) {
            if (released) {
                return;
            }
            released = true;
            Holder holder = HELD.get(file);
            if (holder != null && --holder.count == 0) {
                HELD.remove(file);
                try {
                    holder.lock.release();
                    holder.channel.close();
                } catch (IOException e) {
                    // closing the channel releases the lock in any case
                }
            }
        }
    }

    private static final class Holder {
        final FileChannel channel;
        final FileLock lock;
        final boolean exclusive;
        int count = 1;

        Holder(FileChannel channel, FileLock lock, boolean exclusive) {
            this.channel = channel;
            this.lock = lock;
            this.exclusive = exclusive;
        }
    }
}
