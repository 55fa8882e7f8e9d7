package io.dataload.config;

/**
 * A native bulk load ({@code "copy"} on an action spec): stream the delimited file {@code from}
 * into {@code table} with the engine's bulk path, all rows or none. Texts may hold placeholders.
 */
public record CopySpec(String from, String table, char delimiter, char quoteChar, boolean header, String nullString,
        String encoding, Location location) {
}
