package io.dataload.trigger;

import io.dataload.record.IoErrors;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Files arriving in a folder (not its subfolders) whose name matches a glob. A file is ready when
 * its size and modification time have not changed for the settle time, or at once when its
 * {@code NAME.done} marker exists; a file still being written is never taken early. After a
 * successful run it is moved to the archive folder (its marker removed); after a failure it stays.
 */
public final class FolderSource implements Source {
    private final Path dir;
    private final PathMatcher pattern;
    private final Duration settle;
    private final Path archive;
    private final Clock clock;
    /** What each file looked like when last seen, and since when it has looked so. */
    private final Map<Path, Seen> seen = new HashMap<>();

    private record Seen(long size, long modified, Instant since) {
    }

    public FolderSource(Path dir, String glob, Duration settle, Path archive, Clock clock) {
        this.dir = dir.toAbsolutePath().normalize();
        this.pattern = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        this.settle = settle;
        this.archive = archive == null ? null : archive.toAbsolutePath().normalize();
        this.clock = clock;
    }

    @Override
    public String name() {
        return dir.toString();
    }

    @Override
    public List<Arrival> poll(Duration wait) throws IOException, InterruptedException {
        List<Arrival> ready = scan();
        if (ready.isEmpty() && !wait.isZero()) {
            Thread.sleep(Math.min(wait.toMillis(), 1000));
        }
        return ready;
    }

    private List<Arrival> scan() throws IOException {
        Instant now = clock.instant();
        List<Arrival> ready = new ArrayList<>();
        Map<Path, Seen> current = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || name.endsWith(".done") || !Files.isRegularFile(file)
                        || !pattern.matches(file.getFileName())) {
                    continue;
                }
                long size;
                long modified;
                try {
                    size = Files.size(file);
                    modified = Files.getLastModifiedTime(file).toMillis();
                } catch (IOException e) {
                    continue; // gone in between
                }
                Seen before = seen.get(file);
                Seen now_ = before != null && before.size() == size && before.modified() == modified ? before
                        : new Seen(size, modified, now);
                current.put(file, now_);
                boolean marked = Files.exists(file.resolveSibling(name + ".done"));
                if (marked || !now_.since().plus(settle).isAfter(now) && before != null) {
                    Map<String, String> values = new LinkedHashMap<>();
                    values.put("file", file.toString());
                    values.put("file_name", name);
                    values.put("bucket", dir.toString());
                    values.put("key", name);
                    ready.add(new Arrival(name(), name, size + "-" + modified, values, file));
                }
            }
        }
        seen.clear();
        seen.putAll(current);
        return ready;
    }

    @Override
    public void succeeded(Arrival arrival) throws IOException {
        Path file = (Path) arrival.handle();
        if (archive != null && Files.exists(file)) {
            IoErrors.createDirectories(archive);
            Path target = archive.resolve(file.getFileName());
            for (int i = 2; Files.exists(target); i++) {
                target = archive.resolve(file.getFileName() + "." + i);
            }
            try {
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                Files.delete(file);
            }
        }
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".done"));
    }
}
