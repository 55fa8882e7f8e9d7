package io.dataload.cli;

import java.nio.file.Path;

/** A path as the user can use it from where they stand: relative to the current folder when under it, else absolute. */
final class Shown {
    private Shown() {
    }

    static String path(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath().normalize();
        return absolute.startsWith(here) && !absolute.equals(here) ? here.relativize(absolute).toString()
                : absolute.toString();
    }
}
