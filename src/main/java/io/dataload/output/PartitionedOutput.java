package io.dataload.output;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * An extract's rows written into Hive-style partition folders under a root: rows come ordered by
 * the partition columns, so one file is open at a time (memory does not grow with the number of
 * partitions); a partition seen again later gets another file. Files are written under hidden
 * names; {@link #commit} makes them current, partition by partition, each partition's change one
 * manifest replacement: the files of the same window extracted before by this run (a retry) or by a
 * run that did not succeed are dropped in the same step, never another run's. Each window keeps a
 * log of the files it wrote ({@code _windows/<tag>.log} under the root), so that finding them does not
 * mean listing the whole lake.
 */
public final class PartitionedOutput implements AutoCloseable {
    /** A file written, not yet current. */
    public record Written(String partition, Path temp, PartFileName name, long rows) {
    }

    /** A file made current. */
    public record Committed(String partition, Path file, long rows, long bytes) {
    }

    private final LocalLake lake;
    private final RowWriters writers;
    private final PartitionPath path;
    private final String run;
    private final String tag;
    private final String extension;
    private final List<Written> written = new ArrayList<>();
    private RowWriter current;
    private String currentPartition;
    private Path currentTemp;
    private PartFileName currentName;
    private int files;
    private final Set<String> touched = new HashSet<>();
    private final WindowLog log;
    private final List<WindowLog.Line> before;

    public PartitionedOutput(LocalLake lake, RowWriters writers, PartitionPath path, String run, String tag,
            String extension) throws IOException {
        this.lake = lake;
        this.writers = writers;
        this.path = path;
        this.run = run;
        this.tag = tag;
        this.extension = extension;
        this.log = new WindowLog(lake.root().resolve(WindowLog.FOLDER).resolve(tag + ".log"));
        this.before = log.read();
        // a retry's files get names of their own: the earlier attempt's stay what they were until replaced
        for (WindowLog.Line line : before) {
            PartFileName part = PartFileName.parse(line.name());
            if (line.run().equals(run) && part != null) {
                files = Math.max(files, part.n() + 1);
            }
        }
    }

    public void write(ResultSet row) throws SQLException, IOException {
        String partition = path.of(row);
        if (!partition.equals(currentPartition)) {
            finishCurrent();
            Path folder = lake.folder(partition);
            Files.createDirectories(folder);
            currentName = new PartFileName(run, tag, files++, extension);
            currentTemp = folder.resolve(currentName.temporary());
            log.append(new WindowLog.Line(run, partition, currentName.toString()));
            Files.deleteIfExists(currentTemp);
            currentPartition = partition;
            current = writers.open(currentTemp);
            touched.add(partition);
        }
        current.write(row);
    }

    private void finishCurrent() throws IOException, SQLException {
        if (current != null) {
            RowWriter closing = current;
            current = null;
            closing.close();
            written.add(new Written(currentPartition, currentTemp, currentName, closing.rows()));
        }
    }

    /** Completes the last file; the files stay hidden until {@link #commit}. */
    public List<Written> finish() throws IOException, SQLException {
        finishCurrent();
        return List.copyOf(written);
    }

    /**
     * Makes the written files current. {@code replaceable} says of another run's id whether it ended
     * without success (its files of the same window are dropped).
     */
    public List<Committed> commit(Predicate<String> replaceable) throws IOException {
        Map<String, List<String>> stale = stale(replaceable);
        Map<String, List<Written>> byPartition = new TreeMap<>();
        for (Written file : written) {
            byPartition.computeIfAbsent(file.partition(), k -> new ArrayList<>()).add(file);
        }
        stale.keySet().forEach(p -> byPartition.computeIfAbsent(p, k -> new ArrayList<>()));
        List<Committed> committed = new ArrayList<>();
        List<Written> all = List.copyOf(written);
        for (Map.Entry<String, List<Written>> partition : byPartition.entrySet()) {
            String name = partition.getKey();
            List<String> dropped = stale.getOrDefault(name, List.of());
            List<Manifest.Entry> added = new ArrayList<>();
            try (Closeable held = lake.lock(name)) {
                if (!lake.hasManifest(name)) {
                    // the partition's first manifest: what is there already stays current
                    lake.writeManifest(name, existing(name, dropped));
                }
                for (Written file : partition.getValue()) {
                    lake.publish(name, file.temp(), file.name().toString());
                    Path target = lake.folder(name).resolve(file.name().toString());
                    long bytes = Files.size(target);
                    added.add(new Manifest.Entry(file.name().toString(), file.rows(), bytes, run));
                    committed.add(new Committed(name, target, file.rows(), bytes));
                }
                lake.change(name, new Manifest.Change(added, dropped, List.of(), List.of()));
                // the manifest no longer names them: they go now, with what an attempt that died left hidden
                lake.delete(name, dropped);
                lake.delete(name, dropped.stream().map(d -> "." + d + ".tmp").toList());
            }
        }
        Set<String> gone = new HashSet<>();
        stale.forEach((partition, names) -> names.forEach(n -> gone.add(partition + "/" + n)));
        log.rewrite(before.stream().filter(l -> !gone.contains(l.partition() + "/" + l.name())).toList(),
                all.stream()
                        .map(w -> new WindowLog.Line(run, w.partition(), w.name().toString())).toList());
        written.clear();
        return committed;
    }

    /** A partition without a manifest yet: the data files already there stay current (but not stale ones). */
    private Manifest existing(String partition, List<String> dropped) throws IOException {
        List<Manifest.Entry> files = new ArrayList<>();
        Path folder = lake.folder(partition);
        if (Files.isDirectory(folder)) {
            try (Stream<Path> list = Files.list(folder)) {
                for (Path file : list.sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (Lake.isData(name) && Files.isRegularFile(file) && !dropped.contains(name)) {
                        PartFileName part = PartFileName.parse(name);
                        files.add(new Manifest.Entry(name, null, Files.size(file), part == null ? null : part.run()));
                    }
                }
            }
        }
        return new Manifest(files, List.of());
    }

    /**
     * The files of the same window written before — by this run (an earlier attempt), or by a run
     * that ended without success — by partition, from the window's log; never another run's.
     */
    private Map<String, List<String>> stale(Predicate<String> replaceable) {
        Map<String, List<String>> stale = new LinkedHashMap<>();
        Map<String, Boolean> decided = new LinkedHashMap<>();
        Set<String> mine = new HashSet<>();
        written.forEach(w -> mine.add(w.partition() + "/" + w.name()));
        for (WindowLog.Line line : before) {
            if (mine.contains(line.partition() + "/" + line.name())) {
                continue;
            }
            boolean replace = line.run().equals(run) || decided.computeIfAbsent(line.run(), replaceable::test);
            if (replace) {
                stale.computeIfAbsent(line.partition(), k -> new ArrayList<>()).add(line.name());
            }
        }
        return stale;
    }

    /** Removes the files not committed (a failed or interrupted extract leaves nothing). */
    @Override
    public void close() throws IOException {
        if (current != null) {
            try {
                current.close();
            } catch (IOException | SQLException | RuntimeException e) {
                // the file is removed below
            }
            current = null;
            Files.deleteIfExists(currentTemp);
        }
        for (Written file : written) {
            Files.deleteIfExists(file.temp());
        }
        written.clear();
    }

    public Set<String> partitions() {
        return touched;
    }
}
