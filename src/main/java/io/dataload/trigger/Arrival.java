package io.dataload.trigger;

import java.util.Map;

/**
 * One item a source offers: a file in a folder, or an object an S3 event names. {@code source} and
 * {@code key} say which, {@code version} which version (size and modification time, or the ETag):
 * the ledger keys on all three. {@code placeholders} reach the run ({@code #file#}, {@code #file_name#},
 * {@code #bucket#}, {@code #key#}); {@code handle} is the source's own (a queue message).
 */
public record Arrival(String source, String key, String version, Map<String, String> placeholders, Object handle) {
}
