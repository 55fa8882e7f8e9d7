package io.dataload.output;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/**
 * {@code dataload compact}: merges the small files of each partition into files near a target size,
 * never across partitions, never a file still being written (hidden names, files the manifest does
 * not list, files newer than {@code olderThan}), never a file of a run not known to have succeeded.
 * Each merge: the merged file written under a hidden name and its rows counted against the inputs';
 * published; the manifest replaced to name it instead of the inputs (which it lists as retired); the
 * inputs deleted; the retired list cleared. A reader following the manifest counts every row once
 * at every step; a crash between steps leaves either the inputs current or the merged file current,
 * and the next compaction finishes deleting what was retired.
 */
public final class Compactor {
    /** What a test (or a progress line) sees between the steps of one merge. */
    public interface Steps {
        void after(String step, String partition);
    }

    public record Options(String format, long targetBytes, Duration olderThan, Predicate<String> mergeable, Steps steps) {
    }

    /** One partition's outcome. */
    public record Merge(String partition, int filesBefore, int filesAfter, long rows, long bytesBefore, long bytesAfter,
            String note) {
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Options options;

    public Compactor(Options options) {
        this.options = options;
    }

    /** Compacts every partition of the lake; one merge's failure stops the compaction (what is done stays done). */
    public List<Merge> compact(Lake lake) throws IOException {
        List<Merge> merges = new ArrayList<>();
        Instant cutoff = Instant.now().minus(options.olderThan());
        for (Map.Entry<String, List<Lake.LakeFile>> partition : lake.listing().entrySet()) {
            Merge merge = partition(lake, partition.getKey(), partition.getValue(), cutoff);
            if (merge != null) {
                merges.add(merge);
            }
        }
        return merges;
    }

    private Merge partition(Lake lake, String partition, List<Lake.LakeFile> files, Instant cutoff) throws IOException {
        Manifest manifest = finishRetired(lake, partition);
        Map<String, Manifest.Entry> listed = manifest == null ? null : manifest.index();
        if (manifest != null) {
            // a merged file a compaction published but did not get into the manifest (it stopped in between)
            List<String> orphans = new ArrayList<>();
            for (Lake.LakeFile file : files) {
                PartFileName part = PartFileName.parse(file.name());
                if (part != null && part.run().startsWith("compacted-") && !listed.containsKey(file.name())
                        && file.modified().isBefore(cutoff)) {
                    orphans.add(file.name());
                }
            }
            if (!orphans.isEmpty()) {
                // under the lock: another compaction holds it from publishing its file to naming it
                try (Closeable held = lake.lock(partition)) {
                    Map<String, Manifest.Entry> now = lake.manifest(partition).index();
                    orphans.removeIf(now::containsKey);
                    lake.delete(partition, orphans);
                }
                files = files.stream().filter(f -> !orphans.contains(f.name())).toList();
            }
        }
        Map<String, Lake.LakeFile> byName = new LinkedHashMap<>();
        files.forEach(f -> byName.put(f.name(), f));
        List<Lake.LakeFile> candidates = new ArrayList<>();
        for (Lake.LakeFile file : files) {
            String kind = kind(file.name());
            if (kind == null || (options.format() != null && !kind.substring(1).startsWith(options.format()))) {
                continue;
            }
            if (file.size() >= options.targetBytes() / 2 || file.modified().isAfter(cutoff)) {
                continue;
            }
            if (manifest != null) {
                Manifest.Entry entry = listed.get(file.name());
                if (entry == null || (entry.run() != null && !options.mergeable().test(entry.run()))) {
                    continue; // not committed, or its run is not known to have succeeded
                }
            }
            candidates.add(file);
        }
        // one kind a bin (.avro, .parquet, .jsonl.gz ...), files in name order, each bin up to the target
        Map<String, List<List<Lake.LakeFile>>> bins = new LinkedHashMap<>();
        for (Lake.LakeFile file : candidates) {
            List<List<Lake.LakeFile>> kindBins = bins.computeIfAbsent(kind(file.name()), k -> new ArrayList<>());
            List<Lake.LakeFile> last = kindBins.isEmpty() ? null : kindBins.get(kindBins.size() - 1);
            if (last == null || last.stream().mapToLong(Lake.LakeFile::size).sum() + file.size() > options.targetBytes()) {
                last = new ArrayList<>();
                kindBins.add(last);
            }
            last.add(file);
        }
        int before = files.size();
        int removed = 0;
        int added = 0;
        long rows = 0;
        long bytesBefore = 0;
        long bytesAfter = 0;
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, List<List<Lake.LakeFile>>> kind : bins.entrySet()) {
            for (List<Lake.LakeFile> bin : kind.getValue()) {
                if (bin.size() < 2) {
                    continue;
                }
                MergeResult result = merge(lake, partition, kind.getKey(), bin, manifest);
                if (result.note != null) {
                    notes.add(result.note);
                    continue;
                }
                removed += bin.size();
                added++;
                rows += result.rows;
                bytesBefore += bin.stream().mapToLong(Lake.LakeFile::size).sum();
                bytesAfter += result.bytes;
                manifest = lake.manifest(partition);
            }
        }
        if (added == 0 && notes.isEmpty()) {
            return null;
        }
        return new Merge(partition, before, before - removed + added, rows, bytesBefore, bytesAfter,
                notes.isEmpty() ? null : String.join("; ", notes));
    }

    private record MergeResult(long rows, long bytes, String note) {
    }

    private MergeResult merge(Lake lake, String partition, String kind, List<Lake.LakeFile> bin, Manifest seen)
            throws IOException {
        Path scratch = lake.scratch();
        Files.createDirectories(scratch);
        String tag = HexFormat.of().formatHex(RANDOM.generateSeed(4));
        PartFileName name = new PartFileName("compacted-" + STAMP.format(Instant.now()), tag, 0, kind);
        Path temp = scratch.resolve("." + name + ".tmp");
        List<String> names = bin.stream().map(Lake.LakeFile::name).toList();
        try {
            long rows;
            try {
                rows = switch (kind.substring(1, kind.indexOf('.', 1) < 0 ? kind.length() : kind.indexOf('.', 1))) {
                    case "avro" -> mergeAvro(lake, partition, names, temp);
                    case "parquet" -> mergeParquet(lake, partition, names, temp);
                    default -> mergeLines(lake, partition, names, temp, Compression.ofName(kind));
                };
            } catch (MismatchException e) {
                return new MergeResult(0, 0, e.getMessage());
            }
            long expected = 0;
            boolean known = seen != null;
            Map<String, Manifest.Entry> seenFiles = seen == null ? Map.of() : seen.index();
            for (String input : names) {
                Manifest.Entry entry = seenFiles.get(input);
                known &= entry != null && entry.rows() != null;
                expected += entry == null || entry.rows() == null ? 0 : entry.rows();
            }
            if (known && expected != rows) {
                throw new IOException(partition + ": the merged file has " + rows + " rows, its " + names.size()
                        + " inputs " + expected + " by the manifest; nothing was changed");
            }
            options.steps().after("written", partition);
            long bytes = Files.size(temp);
            try (Closeable held = lake.lock(partition)) {
                Manifest current = lake.manifest(partition);
                if (current == null) {
                    current = synthesized(lake, partition);
                }
                Map<String, Manifest.Entry> currentFiles = current.index();
                for (String input : names) {
                    if (!currentFiles.containsKey(input)) {
                        return new MergeResult(0, 0, input + " changed while merging; left for the next compaction");
                    }
                }
                lake.publish(partition, temp, name.toString());
                options.steps().after("published", partition);
                lake.writeManifest(partition, current.replace(names, List.of(new Manifest.Entry(name.toString(), rows,
                        bytes, null)), names));
                options.steps().after("manifest", partition);
            }
            lake.delete(partition, names);
            options.steps().after("deleted", partition);
            try (Closeable held = lake.lock(partition)) {
                Manifest current = lake.manifest(partition);
                lake.writeManifest(partition, current.withoutRetired(Set.copyOf(names)));
            }
            options.steps().after("cleared", partition);
            return new MergeResult(rows, bytes, null);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A partition a compaction left retired files in (it stopped before deleting them): they go now. */
    private Manifest finishRetired(Lake lake, String partition) throws IOException {
        Manifest manifest = lake.manifest(partition);
        if (manifest == null || manifest.retired().isEmpty()) {
            return manifest;
        }
        try (Closeable held = lake.lock(partition)) {
            manifest = lake.manifest(partition);
            lake.delete(partition, manifest.retired());
            manifest = manifest.withoutRetired(Set.copyOf(manifest.retired()));
            lake.writeManifest(partition, manifest);
            return manifest;
        }
    }

    /** The manifest of a partition that has none: every data file there is current. */
    private static Manifest synthesized(Lake lake, String partition) throws IOException {
        List<Manifest.Entry> entries = new ArrayList<>();
        for (Lake.LakeFile file : lake.listing().getOrDefault(partition, List.of())) {
            PartFileName part = PartFileName.parse(file.name());
            entries.add(new Manifest.Entry(file.name(), null, file.size(), part == null ? null : part.run()));
        }
        return new Manifest(entries, List.of());
    }

    /** A file's kind by its ending: {@code .avro}, {@code .parquet}, {@code .jsonl}, {@code .jsonl.gz}, {@code .jsonl.zst}; null: not one compaction merges. */
    static String kind(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String kind : List.of(".avro", ".parquet", ".jsonl.gz", ".jsonl.zst", ".jsonl")) {
            if (lower.endsWith(kind)) {
                return kind;
            }
        }
        return null;
    }

    private static final class MismatchException extends IOException {
        private static final long serialVersionUID = 1L;

        MismatchException(String message) {
            super(message);
        }
    }

    /** Avro: blocks copied as they are when the codec is the same (no decoding); the schema must be one. */
    private static long mergeAvro(Lake lake, String partition, List<String> names, Path temp) throws IOException {
        DataFileWriter<GenericRecord> writer = null;
        Schema schema = null;
        String codec = null;
        long rows = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
            for (String name : names) {
                try (InputStream in = lake.open(partition, name);
                        DataFileStream<GenericRecord> stream = new DataFileStream<>(in, new GenericDatumReader<>())) {
                    String fileCodec = stream.getMetaString("avro.codec");
                    if (writer == null) {
                        schema = stream.getSchema();
                        codec = fileCodec == null ? "null" : fileCodec;
                        writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema));
                        writer.setCodec(CodecFactory.fromString(codec));
                        writer.create(schema, out);
                    } else if (!stream.getSchema().equals(schema)) {
                        throw new MismatchException(name + " has another schema than " + names.get(0)
                                + "; files of different schemas are not merged");
                    }
                    rows += count(lake, partition, name);
                    writer.appendAllFrom(stream, !codec.equals(fileCodec == null ? "null" : fileCodec));
                }
            }
            writer.close();
        }
        long written = 0;
        try (InputStream in = Files.newInputStream(temp);
                DataFileStream<GenericRecord> check = new DataFileStream<>(in, new GenericDatumReader<>())) {
            written = blocks(check);
        }
        if (written != rows) {
            throw new IOException(partition + ": the merged Avro file has " + written + " rows, its inputs " + rows);
        }
        return rows;
    }

    private static long count(Lake lake, String partition, String name) throws IOException {
        try (InputStream in = lake.open(partition, name);
                DataFileStream<GenericRecord> stream = new DataFileStream<>(in, new GenericDatumReader<>())) {
            return blocks(stream);
        }
    }

    /** The rows of an Avro file, from its blocks' counts (the records are not decoded). */
    private static long blocks(DataFileStream<GenericRecord> stream) throws IOException {
        long rows = 0;
        while (stream.hasNext()) {
            stream.nextBlock();
            rows += stream.getBlockCount();
        }
        return rows;
    }

    /** JSON lines: the lines one after the other, compressed as the inputs were. */
    private static long mergeLines(Lake lake, String partition, List<String> names, Path temp, String codec)
            throws IOException {
        long rows = 0;
        try (OutputStream out = Compression.compress(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16), codec)) {
            byte[] buffer = new byte[1 << 16];
            for (String name : names) {
                int last = '\n';
                try (InputStream in = Compression.decompress(lake.open(partition, name), name)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        out.write(buffer, 0, n);
                        for (int i = 0; i < n; i++) {
                            if (buffer[i] == '\n') {
                                rows++;
                            }
                        }
                        last = buffer[n - 1];
                    }
                }
                if (last != '\n') {
                    out.write('\n');
                    rows++;
                }
            }
        }
        return rows;
    }

    /** Parquet: DuckDB reads the inputs (local copies for S3) and writes one file with the first input's codec. */
    private static long mergeParquet(Lake lake, String partition, List<String> names, Path temp) throws IOException {
        List<Path> locals = new ArrayList<>();
        try (Connection duck = io.dataload.db.DuckDb.connect("jdbc:duckdb:");
                Statement statement = duck.createStatement()) {
            statement.execute("set memory_limit = '256MB'");
            statement.execute("set threads = 1");
            for (String name : names) {
                if (lake instanceof LocalLake local) {
                    locals.add(local.folder(partition).resolve(name));
                } else {
                    Path copy = Files.createTempFile(lake.scratch(), ".compact-", ".parquet");
                    try (InputStream in = lake.open(partition, name)) {
                        Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    locals.add(copy);
                }
            }
            String list = "[" + String.join(", ", locals.stream().map(p -> "'" + p.toString().replace("'", "''") + "'")
                    .toList()) + "]";
            String codec = "snappy";
            long inputs = 0;
            try (ResultSet meta = statement.executeQuery("select compression from parquet_metadata("
                    + quote(locals.get(0)) + ") limit 1")) {
                if (meta.next() && meta.getString(1) != null) {
                    codec = meta.getString(1).toLowerCase(Locale.ROOT);
                }
            }
            String first = null;
            for (Path file : locals) {
                StringBuilder described = new StringBuilder();
                try (ResultSet columns = statement.executeQuery("select name, type, converted_type, scale, precision"
                        + " from parquet_schema(" + quote(file) + ")")) {
                    while (columns.next()) {
                        for (int c = 1; c <= 5; c++) {
                            described.append(columns.getString(c)).append(c == 5 ? "\n" : " ");
                        }
                    }
                }
                {
                    String shape = described.toString();
                    if (first == null) {
                        first = shape;
                    } else if (!first.equals(shape)) {
                        throw new MismatchException(file.getFileName() + " has another schema than " + names.get(0)
                                + "; files of different schemas are not merged");
                    }
                }
            }
            try (ResultSet count = statement.executeQuery("select count(*) from read_parquet(" + list + ")")) {
                count.next();
                inputs = count.getLong(1);
            }
            statement.execute("copy (select * from read_parquet(" + list + ")) to " + quote(temp)
                    + " (format parquet, compression '" + codec + "')");
            try (ResultSet count = statement.executeQuery("select count(*) from read_parquet(" + quote(temp) + ")")) {
                count.next();
                if (count.getLong(1) != inputs) {
                    throw new IOException(partition + ": the merged Parquet file has " + count.getLong(1) + " rows, its inputs "
                            + inputs);
                }
            }
            return inputs;
        } catch (SQLException e) {
            throw new IOException(partition + ": " + e.getMessage(), e);
        } finally {
            if (!(lake instanceof LocalLake)) {
                for (Path copy : locals) {
                    Files.deleteIfExists(copy);
                }
            }
        }
    }

    private static String quote(Path path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }

    /** {@code 128MB}, {@code 1GB}, {@code 512KB}, {@code 1048576}: bytes; -1 when it is not a size. */
    public static long parseSize(String text) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(\\d+)\\s*(b|kb|k|mb|m|gb|g)?")
                .matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return -1;
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "b" : matcher.group(2);
        long factor = switch (unit) {
            case "kb", "k" -> 1L << 10;
            case "mb", "m" -> 1L << 20;
            case "gb", "g" -> 1L << 30;
            default -> 1;
        };
        return amount > 0 ? amount * factor : -1;
    }
}
