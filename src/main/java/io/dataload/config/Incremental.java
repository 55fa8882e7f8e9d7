package io.dataload.config;

import java.time.Duration;
import java.util.List;

/**
 * An extract's {@code "incremental"}: only the rows whose {@code columns} (in order) are strictly
 * greater than the stored watermark, up to the database's clock minus {@code lag}, ordered by those
 * columns; {@code start} bounds the first run (null: from the beginning).
 */
public record Incremental(List<String> columns, Duration lag, String start, Location location) {
    public Incremental {
        columns = List.copyOf(columns);
    }
}
