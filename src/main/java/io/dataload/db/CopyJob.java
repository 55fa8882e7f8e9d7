package io.dataload.db;

import io.dataload.config.CopySpec;
import java.nio.file.Path;

/** A resolved bulk load: the data file (or a pattern of files), the target table, and the files' format. */
public record CopyJob(Path file, String table, CopySpec format) {

    /** The same load of one of the pattern's files. */
    public CopyJob withFile(Path one) {
        return new CopyJob(one, table, format);
    }
}
