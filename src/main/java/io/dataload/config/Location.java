package io.dataload.config;

import java.nio.file.Path;

/** Where something stands in a user's file, for compiler-style messages: {@code path:line:col}. */
public record Location(String file, int line, int column) {

    public static Location of(Path file, int line, int column) {
        return new Location(file.toString(), line, column);
    }

    public static Location file(Path file) {
        return new Location(file.toString(), 0, 0);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
