package io.dataload.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

/** Reads a partitioned lake back as a reader following the manifests would. */
public final class LakeFiles {
    private LakeFiles() {
    }

    /** The partition folders, relative, sorted. */
    public static List<String> partitions(Path root) throws IOException {
        return new ArrayList<>(new LocalLake(root).listing().keySet());
    }

    /** The visible data files, relative, sorted. */
    public static List<String> dataFiles(Path root) throws IOException {
        TreeSet<String> files = new TreeSet<>();
        for (Map.Entry<String, List<Lake.LakeFile>> partition : new LocalLake(root).listing().entrySet()) {
            partition.getValue().forEach(f -> files.add(partition.getKey() + "/" + f.name()));
        }
        return new ArrayList<>(files);
    }

    /** The files the manifests list, relative; asserts the manifests list exactly the data files there. */
    public static List<Path> current(Path root) throws IOException {
        LocalLake lake = new LocalLake(root);
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, List<Lake.LakeFile>> partition : lake.listing().entrySet()) {
            Manifest manifest = lake.manifest(partition.getKey());
            List<String> listed = manifest.files().stream().map(Manifest.Entry::name).sorted().toList();
            assertEquals(partition.getValue().stream().map(Lake.LakeFile::name).sorted().toList(), listed,
                    partition.getKey() + ": the manifest lists the files there");
            listed.forEach(name -> files.add(lake.folder(partition.getKey()).resolve(name)));
        }
        return files;
    }

    /** Every row of the current Avro files as {@code ts|id|amount|name|event}, sorted by id. */
    public static List<String> avroRows(Path root, String... columns) throws IOException {
        List<GenericRecord> records = new ArrayList<>();
        for (Path file : current(root)) {
            try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
                reader.forEach(records::add);
            }
        }
        records.sort((a, b) -> Long.compare(((Number) a.get(columns[1])).longValue(), ((Number) b.get(columns[1])).longValue()));
        List<String> rows = new ArrayList<>();
        for (GenericRecord record : records) {
            List<String> values = new ArrayList<>();
            for (String column : columns) {
                values.add(String.valueOf(value(record, column)));
            }
            rows.add(String.join("|", values));
        }
        return rows;
    }

    private static Object value(GenericRecord record, String column) {
        Object value = record.get(column);
        if (value == null) {
            return null;
        }
        Schema schema = nonNull(record.getSchema().getField(column).schema());
        if (schema.getLogicalType() instanceof LogicalTypes.Decimal decimal) {
            ByteBuffer bytes = ((ByteBuffer) value).duplicate();
            byte[] unscaled = new byte[bytes.remaining()];
            bytes.get(unscaled);
            return new BigDecimal(new BigInteger(unscaled), decimal.getScale());
        }
        if (schema.getLogicalType() instanceof LogicalTypes.TimestampMicros) {
            long micros = (Long) value;
            return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000), (int) Math.floorMod(micros, 1_000_000) * 1000,
                    ZoneOffset.UTC);
        }
        return value.toString();
    }

    public static Schema nonNull(Schema schema) {
        return schema.getType() == Schema.Type.UNION
                ? schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow() : schema;
    }

    public static Schema avroSchema(Path root) throws IOException {
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(current(root).get(0).toFile(),
                new GenericDatumReader<>())) {
            return reader.getSchema();
        }
    }

    public static String avroCodec(Path root) throws IOException {
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(current(root).get(0).toFile(),
                new GenericDatumReader<>())) {
            return reader.getMetaString("avro.codec");
        }
    }

    /** How many rows the current files of the root hold (Avro). */
    public static long avroCount(Path root) throws IOException {
        long rows = 0;
        for (Path file : current(root)) {
            try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
                while (reader.hasNext()) {
                    reader.next();
                    rows++;
                }
            }
        }
        return rows;
    }

    static Stream<Path> walk(Path root) throws IOException {
        return Files.walk(root);
    }
}
