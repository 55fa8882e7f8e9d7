package io.dataload.config;

/**
 * A native bulk load ({@code "copy"} on an action spec): stream the delimited file {@code from}
 * (or every file its pattern matches) into {@code table} with the engine's bulk path, all rows or
 * none; with {@code truncate}, the table is emptied first in the same transaction. {@code parallel}:
 * how many streams load at once where the engine allows it (null: chosen by the size). Texts may
 * hold placeholders.
 */
public record CopySpec(String from, String table, char delimiter, char quoteChar, boolean header, String nullString,
        String encoding, boolean truncate, Integer parallel, Location location) {
}
