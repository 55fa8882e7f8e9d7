package io.dataload.cli;

import io.dataload.output.Lake;
import io.dataload.output.LocalLake;
import io.dataload.output.S3Lake;
import java.nio.file.Files;
import java.nio.file.Path;

/** The LOCATION of {@code compact} and {@code lake}: a local folder (from the working folder) or s3://bucket/prefix. */
final class LakeLocation {
    /** The lake, or the exit code of what was wrong (said on the error stream). */
    record Opened(Lake lake, int exit) {
    }

    private LakeLocation() {
    }

    static Opened open(String location, Path workDir, PrintWriterPair io) {
        if (location.startsWith("s3://")) {
            try {
                return new Opened(new S3Lake(location), ExitCodes.SUCCESS);
            } catch (IllegalArgumentException e) {
                return new Opened(null, io.usage(e.getMessage()));
            } catch (RuntimeException e) {
                return new Opened(null, io.failed("cannot reach S3: " + e.getMessage()));
            }
        }
        Path folder = workDir.resolve(location);
        if (!Files.isDirectory(folder)) {
            return new Opened(null, io.usage(location + ": no such folder"));
        }
        return new Opened(new LocalLake(folder), ExitCodes.SUCCESS);
    }
}
