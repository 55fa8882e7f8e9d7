package io.dataload.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

/** How many rows a data file holds, read from the file: Avro blocks' counts, JSON lines, Parquet's footer. */
public final class FileRows {
    private FileRows() {
    }

    /** The rows of a file of the lake; -1 for a kind it cannot count (CSV: a quoted field may hold line breaks). */
    public static long count(Lake lake, String partition, String name) throws IOException {
        String kind = Compactor.kind(name);
        if (kind == null) {
            return -1;
        }
        if (kind.equals(".avro")) {
            try (InputStream in = lake.open(partition, name);
                    DataFileStream<GenericRecord> stream = new DataFileStream<>(in, new GenericDatumReader<>())) {
                long rows = 0;
                while (stream.hasNext()) {
                    stream.nextBlock();
                    rows += stream.getBlockCount();
                }
                return rows;
            }
        }
        if (kind.equals(".parquet")) {
            Path local = lake instanceof LocalLake l ? l.folder(partition).resolve(name) : null;
            Path copy = null;
            try {
                if (local == null) {
                    copy = Files.createTempFile(lake.scratch(), ".count-", ".parquet");
                    try (InputStream in = lake.open(partition, name)) {
                        Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    local = copy;
                }
                try (Connection duck = io.dataload.db.DuckDb.connect("jdbc:duckdb:");
                        Statement statement = duck.createStatement();
                        ResultSet rows = statement.executeQuery("select sum(num_rows) from parquet_file_metadata('"
                                + local.toString().replace("'", "''") + "')")) {
                    rows.next();
                    return rows.getLong(1);
                }
            } catch (SQLException e) {
                throw new IOException(name + ": " + e.getMessage(), e);
            } finally {
                if (copy != null) {
                    Files.deleteIfExists(copy);
                }
            }
        }
        try (InputStream in = Compression.decompress(lake.open(partition, name), name)) {
            byte[] buffer = new byte[1 << 16];
            long rows = 0;
            int n;
            int last = '\n';
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        rows++;
                    }
                }
                last = buffer[n - 1];
            }
            return last == '\n' ? rows : rows + 1;
        }
    }
}
