package io.dataload.output;

import io.dataload.config.CsvDialect;
import io.dataload.config.FileOutput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Opens the writer of an output's format on a file: CSV and JSON lines through their compression,
 * Avro with its codec, Parquet through a scratch DuckDB database (one per extract, see
 * {@link ParquetFileWriter.Scratch}).
 */
public final class RowWriters implements AutoCloseable {
    private static final int BUFFER = 1 << 16;

    private final FileOutput output;
    private final CsvDialect csv;
    private final Columns columns;
    private final Path scratchFolder;
    private ParquetFileWriter.Scratch scratch;

    /** {@code scratchFolder}: where Parquet's scratch database goes (the output's folder: the same disk). */
    public RowWriters(FileOutput output, CsvDialect csv, Columns columns, Path scratchFolder) {
        this.output = output;
        this.csv = csv;
        this.columns = columns;
        this.scratchFolder = scratchFolder;
    }

    public Columns columns() {
        return columns;
    }

    public RowWriter open(Path file) throws IOException, SQLException {
        if (output.format().equals("parquet")) {
            if (scratch == null) {
                scratch = ParquetFileWriter.Scratch.open(scratchFolder);
            }
            return new ParquetFileWriter(scratch, columns, file, output.compression());
        }
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER);
        try {
            return switch (output.format()) {
                case "avro" -> new AvroRowWriter(out, columns, output.compression());
                case "jsonl" -> new JsonLinesWriter(Compression.compress(out, output.compression()), columns);
                default -> new CsvRowWriter(Compression.compress(out, output.compression()), csv, columns);
            };
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        if (scratch != null) {
            scratch.close();
            scratch = null;
        }
    }
}
