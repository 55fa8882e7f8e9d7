package io.dataload.record;

import java.time.LocalDateTime;

/**
 * One step of the execution log: the entry it belongs to (null for the run itself), its step
 * number within that entry, when, and the text. {@code detail} marks resolved SQL and command
 * text, which goes to the log file but to the console only with --verbose.
 */
public record LogRecord(String entry, int step, LocalDateTime time, String text, boolean detail) {
}
