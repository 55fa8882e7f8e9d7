package io.dataload.output;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * A lake in a local folder. A manifest checkpoint is written under a hidden name, flushed to disk
 * and renamed over the old one; a change is appended as one line; a partition's manifest is held with a lock file ({@code ._manifest.lock}, an OS
 * lock, so other processes wait too) and a lock of this process (threads of one run).
 */
public final class LocalLake implements Lake {
    private static final Map<Path, ReentrantLock> HELD = new ConcurrentHashMap<>();

    private final Path root;

    public LocalLake(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path folder(String partition) {
        return partition.isEmpty() ? root : root.resolve(partition);
    }

    @Override
    public String describe() {
        return root.toString();
    }

    @Override
    public Map<String, List<LakeFile>> listing() throws IOException {
        Map<String, List<LakeFile>> byPartition = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString(), null, "no such folder");
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (path.equals(root)) {
                    continue;
                }
                boolean hidden = false;
                for (Path element : root.relativize(path)) {
                    hidden |= !Lake.isData(element.toString());
                }
                if (hidden) {
                    continue; // a file being written, a manifest, the windows' logs
                }
                String name = path.getFileName().toString();
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(path, BasicFileAttributes.class);
                } catch (NoSuchFileException e) {
                    continue; // gone while listing (a compaction deleting what it merged)
                }
                if (!attributes.isRegularFile()) {
                    continue;
                }
                String partition = root.relativize(path.getParent()).toString().replace('\\', '/');
                byPartition.computeIfAbsent(partition, k -> new ArrayList<>()).add(new LakeFile(name, attributes.size(),
                        attributes.lastModifiedTime().toInstant()));
            }
        }
        byPartition.values().forEach(files -> files.sort(Comparator.comparing(LakeFile::name)));
        return byPartition;
    }

    @Override
    public Manifest manifest(String partition) throws IOException {
        Path file = folder(partition).resolve(Manifest.NAME);
        try {
            return Manifest.parse(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public void writeManifest(String partition, Manifest manifest) throws IOException {
        Path folder = folder(partition);
        Files.createDirectories(folder);
        Path temp = folder.resolve("." + Manifest.NAME + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(manifest.toJson());
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temp, folder.resolve(Manifest.NAME), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public boolean hasManifest(String partition) {
        return Files.exists(folder(partition).resolve(Manifest.NAME));
    }

    /**
     * Appends the change as one line in one write, flushed to disk: a reader sees it whole or, while
     * its line end is not there yet, not at all.
     */
    @Override
    public void change(String partition, Manifest.Change change) throws IOException {
        Path folder = folder(partition);
        Files.createDirectories(folder);
        try (FileChannel channel = FileChannel.open(folder.resolve(Manifest.NAME), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap(change.toJsonLine());
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        }
    }

    @Override
    public InputStream open(String partition, String name) throws IOException {
        return Files.newInputStream(folder(partition).resolve(name));
    }

    @Override
    public void publish(String partition, Path local, String name) throws IOException {
        Path folder = folder(partition);
        Files.createDirectories(folder);
        Path target = folder.resolve(name);
        try {
            Files.move(local, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // another disk: copied in under a hidden name first, so that it appears whole
            Path temp = folder.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
            Files.copy(local, temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(local);
        }
    }

    @Override
    public void delete(String partition, Collection<String> names) throws IOException {
        for (String name : names) {
            Files.deleteIfExists(folder(partition).resolve(name));
        }
    }

    @Override
    public Closeable lock(String partition) throws IOException {
        Path folder = folder(partition);
        Files.createDirectories(folder);
        Path lockFile = folder.resolve("._manifest.lock");
        ReentrantLock mine = HELD.computeIfAbsent(lockFile, k -> new ReentrantLock());
        mine.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            FileChannel held = channel;
            return () -> {
                try (held) {
                    lock.release();
                } finally {
                    mine.unlock();
                }
            };
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            mine.unlock();
            throw e;
        }
    }

    @Override
    public Path scratch() {
        return root;
    }

    @Override
    public void close() {
    }
}
