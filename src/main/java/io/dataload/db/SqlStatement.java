package io.dataload.db;

/** One statement of a script and the line of the file it starts on. */
public record SqlStatement(String sql, int line) {
}
