package io.dataload.config;

import java.util.List;
import java.util.Map;

/**
 * How an extract writes its rows: the {@code format} (csv, jsonl, parquet, avro), the
 * {@code compression} (none; gzip or zstd for csv and jsonl, which adds {@code .gz}/{@code .zst} to the
 * name; snappy, zstd or gzip inside Parquet; snappy, zstd or deflate inside Avro) and the
 * {@code partition_by} keys (empty: one file).
 */
public record FileOutput(String format, String compression, List<PartitionKey> partitionBy) {
    public static final List<String> FORMATS = List.of("csv", "jsonl", "parquet", "avro");
    /** Each format's codecs; the first is the default. */
    public static final Map<String, List<String>> CODECS = Map.of(
            "csv", List.of("none", "gzip", "zstd"),
            "jsonl", List.of("none", "gzip", "zstd"),
            "parquet", List.of("snappy", "zstd", "gzip", "none"),
            "avro", List.of("none", "snappy", "zstd", "deflate"));
    public static final FileOutput CSV = new FileOutput("csv", "none", List.of());

    public FileOutput {
        partitionBy = List.copyOf(partitionBy);
    }

    public boolean partitioned() {
        return !partitionBy.isEmpty();
    }

    /** What a file of this output ends with: {@code .jsonl.gz}, {@code .avro}. */
    public String extension() {
        String suffix = switch (compression) {
            case "gzip" -> format.equals("csv") || format.equals("jsonl") ? ".gz" : "";
            case "zstd" -> format.equals("csv") || format.equals("jsonl") ? ".zst" : "";
            default -> "";
        };
        return "." + format + suffix;
    }

    /** Compression that wraps the whole file (csv, jsonl) rather than living inside it (parquet, avro). */
    public boolean streamCompressed() {
        return (format.equals("csv") || format.equals("jsonl")) && !compression.equals("none");
    }

    /** Why a codec does not go with a format (null: it does). */
    public static String codecProblem(String format, String codec) {
        List<String> codecs = CODECS.get(format);
        if (codecs == null || codecs.contains(codec)) {
            return null;
        }
        String hint = format.equals("parquet") && codec.equals("deflate")
                ? " (Parquet's DEFLATE codec is called gzip)" : "";
        return "\"compression\" for " + format + " must be one of " + String.join(", ", codecs) + ", found \""
                + codec + "\"" + hint;
    }
}
