package io.dataload.db;

import io.dataload.config.CopySpec;
import java.nio.file.Path;

/** A resolved bulk load: the data file, the target table, and the file's format. */
public record CopyJob(Path file, String table, CopySpec format) {
}
