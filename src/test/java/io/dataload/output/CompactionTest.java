package io.dataload.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.cli.CliRun;
import io.dataload.config.FileOutput;
import io.dataload.standin.s3.S3StandIn;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compaction keeps every row exactly once for a reader following the manifests at every step
 * between a merge's writes, never merges across partitions, files still being written, newer files
 * or files of a run that did not succeed, and works the same on an S3 prefix.
 */
class CompactionTest {
    private static final Instant OLD = Instant.now().minus(Duration.ofHours(2));
    private static Connection duck;

    @TempDir
    Path dir;

    @BeforeAll
    static void open() throws SQLException {
        duck = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterAll
    static void close() throws SQLException {
        duck.close();
    }

    /** Writes {@code rows} rows with ids from {@code first} in a format; returns the rows. */
    static long write(Path file, String format, String codec, int first, int rows) throws Exception {
        try (Statement statement = duck.createStatement();
                ResultSet result = statement.executeQuery("select (" + first + " + i)::integer as id, 'row ' || i as name,"
                        + " timestamp '2019-06-01 15:00:00.000001' + to_seconds(i) as at, (i * 0.001)::decimal(10,3) as amount"
                        + " from range(" + rows + ") t(i)");
                RowWriters writers = new RowWriters(new FileOutput(format, codec, List.of()), null,
                        Columns.of(result.getMetaData()), file.getParent())) {
            RowWriter writer = writers.open(file);
            while (result.next()) {
                writer.write(result);
            }
            writer.close();
            return writer.rows();
        }
    }

    /** A partition of {@code count} Avro files of 10 rows, committed by run r1, two hours old. */
    private static List<Manifest.Entry> avroPartition(Path folder, int count, int firstId) throws Exception {
        Files.createDirectories(folder);
        List<Manifest.Entry> entries = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            String name = new PartFileName("r1", "0000abcd", n, ".avro").toString();
            Path file = folder.resolve(name);
            write(file, "avro", "snappy", firstId + n * 10, 10);
            Files.setLastModifiedTime(file, FileTime.from(OLD));
            entries.add(new Manifest.Entry(name, 10L, Files.size(file), "r1"));
        }
        return entries;
    }

    /** What a reader following the manifests counts: every listed file must exist; rows by the blocks. */
    private static long manifestRows(Lake lake) throws IOException {
        long rows = 0;
        for (String partition : partitionsWithManifests(lake)) {
            Manifest manifest = lake.manifest(partition);
            for (Manifest.Entry entry : manifest.files()) {
                try (InputStream in = lake.open(partition, entry.name());
                        DataFileStream<GenericRecord> stream = new DataFileStream<>(in, new GenericDatumReader<>())) {
                    while (stream.hasNext()) {
                        stream.nextBlock();
                        rows += stream.getBlockCount();
                    }
                }
            }
        }
        return rows;
    }

    private static List<String> partitionsWithManifests(Lake lake) throws IOException {
        List<String> partitions = new ArrayList<>();
        for (String partition : lake.listing().keySet()) {
            if (lake.manifest(partition) != null) {
                partitions.add(partition);
            }
        }
        if (lake instanceof LocalLake local) {
            // a partition whose data files are all gone for a moment still has its manifest
            try (var walk = Files.walk(local.root())) {
                walk.filter(p -> p.getFileName().toString().equals(Manifest.NAME)).forEach(p -> {
                    String partition = local.root().relativize(p.getParent()).toString();
                    if (!partitions.contains(partition)) {
                        partitions.add(partition);
                    }
                });
            }
        }
        return partitions;
    }

    private static TreeSet<Integer> ids(Lake lake) throws IOException {
        TreeSet<Integer> ids = new TreeSet<>();
        int total = 0;
        for (String partition : partitionsWithManifests(lake)) {
            for (Manifest.Entry entry : lake.manifest(partition).files()) {
                try (InputStream in = lake.open(partition, entry.name());
                        DataFileStream<GenericRecord> stream = new DataFileStream<>(in, new GenericDatumReader<>())) {
                    for (GenericRecord record : stream) {
                        ids.add((Integer) record.get("id"));
                        total++;
                    }
                }
            }
        }
        assertEquals(total, ids.size(), "no row twice");
        return ids;
    }

    @Test
    void threeThousandSixHundredSmallFilesBecomeAFewAndEveryRowStaysExactlyOnceAtEveryStep() throws Exception {
        Path root = dir.resolve("events");
        Path signup = root.resolve("event=signup/date=2019-06-01");
        List<Manifest.Entry> entries = avroPartition(signup, 3600, 0);
        // besides: a file newer than --older-than, one of a failed run, one not committed, one being written
        String fresh = new PartFileName("r1", "0000abcd", 9000, ".avro").toString();
        write(signup.resolve(fresh), "avro", "snappy", 100_000, 10);
        entries.add(new Manifest.Entry(fresh, 10L, Files.size(signup.resolve(fresh)), "r1"));
        String failed = new PartFileName("rfail", "0000abcd", 0, ".avro").toString();
        write(signup.resolve(failed), "avro", "snappy", 200_000, 10);
        Files.setLastModifiedTime(signup.resolve(failed), FileTime.from(OLD));
        entries.add(new Manifest.Entry(failed, 10L, Files.size(signup.resolve(failed)), "rfail"));
        String uncommitted = new PartFileName("r2", "0000abcd", 0, ".avro").toString();
        write(signup.resolve(uncommitted), "avro", "snappy", 300_000, 10);
        Files.setLastModifiedTime(signup.resolve(uncommitted), FileTime.from(OLD));
        Files.writeString(signup.resolve(".part-r3-0000abcd-0.avro.tmp"), "being written");
        LocalLake lake = new LocalLake(root);
        lake.writeManifest("event=signup/date=2019-06-01", new Manifest(entries, List.of()));
        Path login = root.resolve("event=login/date=2019-06-01");
        lake.writeManifest("event=login/date=2019-06-01", new Manifest(avroPartition(login, 3, 500_000), List.of()));

        TreeSet<Integer> before = ids(lake);
        assertEquals(3600 * 10 + 10 + 10 + 30, before.size());
        List<String> steps = new ArrayList<>();
        Compactor compactor = new Compactor(new Compactor.Options("avro", 600_000, Duration.ofHours(1),
                run -> !run.equals("rfail"), (step, partition) -> {
                    steps.add(step);
                    try {
                        assertEquals(before.size(), manifestRows(lake), "after " + step + ": each row once");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }));
        List<Compactor.Merge> merges = compactor.compact(lake);
        assertEquals(before, ids(lake), "the same rows, each once");
        Map<String, List<Lake.LakeFile>> after = lake.listing();
        List<String> names = after.get("event=signup/date=2019-06-01").stream().map(Lake.LakeFile::name).toList();
        assertTrue(names.contains(fresh) && names.contains(failed) && names.contains(uncommitted), "left alone");
        List<String> merged = names.stream().filter(n -> n.startsWith("part-compacted-")).toList();
        assertTrue(merged.size() >= 2 && merged.size() <= 6, "a few files near the target: " + merged.size() + " of " + names.size());
        assertEquals(merged.size() + 3, names.size(), "the merged files and the three left alone");
        assertTrue(Files.exists(signup.resolve(".part-r3-0000abcd-0.avro.tmp")), "a file being written is not touched");
        assertEquals(List.of("event=login/date=2019-06-01", "event=signup/date=2019-06-01"),
                merges.stream().map(Compactor.Merge::partition).sorted().toList(), "each partition on its own");
        assertEquals(1, after.get("event=login/date=2019-06-01").size());
        assertTrue(lake.manifest("event=signup/date=2019-06-01").retired().isEmpty());
        assertEquals(List.of("written", "published", "manifest", "deleted", "cleared"), steps.subList(0, 5));
        // again: nothing left to merge
        assertTrue(compactor.compact(lake).isEmpty());
    }

    @Test
    void jsonLinesAndParquetMergeWithinTheirKind() throws Exception {
        Path root = dir.resolve("mixed");
        Path folder = root.resolve("day=1");
        Files.createDirectories(folder);
        List<Manifest.Entry> entries = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            for (String[] kind : List.of(new String[] {"jsonl", "zstd", ".jsonl.zst"}, new String[] {"jsonl", "none", ".jsonl"},
                    new String[] {"parquet", "zstd", ".parquet"})) {
                String name = new PartFileName("r1", "0000abcd", n, kind[2]).toString();
                long rows = write(folder.resolve(name), kind[0], kind[1], n * 5, 5);
                entries.add(new Manifest.Entry(name, rows, Files.size(folder.resolve(name)), "r1"));
            }
        }
        LocalLake lake = new LocalLake(root);
        lake.writeManifest("day=1", new Manifest(entries, List.of()));
        new Compactor(new Compactor.Options(null, 64 << 20, Duration.ZERO, run -> true, (s, p) -> { })).compact(lake);
        List<String> names = lake.listing().get("day=1").stream().map(Lake.LakeFile::name).toList();
        assertEquals(3, names.size(), String.valueOf(names.size()));
        assertEquals(300, lake.manifest("day=1").rows());
        try (Statement statement = duck.createStatement()) {
            for (String name : names) {
                String reader = name.endsWith(".parquet") ? "read_parquet" : "read_json_auto";
                try (ResultSet rows = statement.executeQuery("select count(*), count(distinct id) from " + reader + "('"
                        + folder.resolve(name) + "')")) {
                    rows.next();
                    assertEquals(100, rows.getLong(1), name);
                    assertEquals(100, rows.getLong(2), name);
                }
            }
            try (ResultSet codec = statement.executeQuery("select compression from parquet_metadata('"
                    + folder.resolve(names.stream().filter(n -> n.endsWith(".parquet")).findFirst().orElseThrow()) + "') limit 1")) {
                codec.next();
                assertEquals("ZSTD", codec.getString(1), "the inputs' codec");
            }
        }
    }

    @Test
    void anS3PrefixIsCompactedThroughTheSdkTheSameWay() throws Exception {
        try (S3StandIn s3 = new S3StandIn("lake")) {
            Path local = dir.resolve("seed");
            List<Manifest.Entry> entries = avroPartition(local, 200, 0);
            for (Manifest.Entry entry : entries) {
                s3.put("lake", "events/event=signup/date=2019-06-01/" + entry.name(), Files.readAllBytes(local.resolve(entry.name())), OLD);
            }
            s3.put("lake", "events/event=signup/date=2019-06-01/" + Manifest.NAME, new Manifest(entries, List.of()).toJson(), OLD);
            s3.put("lake", "events/event=signup/date=2019-06-01/.part-r9-0000abcd-0.avro.tmp", new byte[] {1}, OLD);
            System.setProperty("aws.endpointUrlS3", s3.endpoint());
            System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
            System.setProperty("aws.secretAccessKey", "s3-stand-in-secret");
            System.setProperty("aws.region", "eu-west-1");
            try {
                try (S3Lake lake = new S3Lake("s3://lake/events")) {
                    TreeSet<Integer> before = ids(lake);
                    assertEquals(2000, before.size());
                    new Compactor(new Compactor.Options(null, 100_000, Duration.ofHours(1), run -> true, (step, p) -> {
                        try {
                            assertEquals(2000, manifestRows(lake), "after " + step);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })).compact(lake);
                    assertEquals(before, ids(lake));
                }
                List<String> keys = new ArrayList<>(s3.bucket("lake").keySet());
                assertTrue(keys.contains("events/event=signup/date=2019-06-01/.part-r9-0000abcd-0.avro.tmp"), "a file being written stays");
                assertFalse(keys.stream().anyMatch(k -> k.contains("part-r1-")), "the small files are gone: " + keys.size() + " keys");
                assertTrue(keys.stream().filter(k -> k.contains("part-compacted-")).count() >= 1, "merged files: " + keys.size() + " keys");
                // the command: the merged files merged again up to its default 128 MB; then nothing left; a bad size is exit 2
                CliRun merged = CliRun.of("compact", "-C", dir.toString(), "s3://lake/events", "--older-than", "0s");
                assertEquals(0, merged.exit(), merged.all());
                assertTrue(merged.out().endsWith("-> 1, 2000 rows merged\n"), merged.all());
                CliRun again = CliRun.of("compact", "-C", dir.toString(), "s3://lake/events", "--older-than", "0s");
                assertEquals(0, again.exit(), again.all());
                assertEquals("compact: nothing to merge under s3://lake/events/\n", again.out());
                CliRun bad = CliRun.of("compact", "-C", dir.toString(), "s3://lake/events", "--target-size", "big");
                assertEquals(2, bad.exit());
                assertEquals("command line: --target-size must be a size like 16MB, 128MB or 1GB, found big\n", bad.err());
            } finally {
                for (String name : List.of("aws.endpointUrlS3", "aws.accessKeyId", "aws.secretAccessKey", "aws.region")) {
                    System.clearProperty(name);
                }
            }
        }
    }

    static InputStream bytes(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
