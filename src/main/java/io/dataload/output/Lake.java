package io.dataload.output;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A folder of partition folders — local ({@link LocalLake}) or an S3 prefix ({@link S3Lake}) — as
 * the writers and {@code dataload compact} see it. A partition is named by its path under the root
 * ({@code event=signup/date=2019-06-01}; {@code ""} for the root itself). Names starting with
 * {@code .} or {@code _} are not data: files still being written, manifests.
 */
public interface Lake extends AutoCloseable {
    record LakeFile(String name, long size, Instant modified) {
    }

    /** The root as a user writes it: {@code lake/events}, {@code s3://bucket/prefix}. */
    String describe();

    /** Every data file under the root, by partition, names sorted. */
    Map<String, List<LakeFile>> listing() throws IOException;

    /** The partition's manifest; null when it has none. */
    Manifest manifest(String partition) throws IOException;

    /** Replaces the partition's manifest whole (a checkpoint). */
    void writeManifest(String partition, Manifest manifest) throws IOException;

    /** Whether the partition has a manifest (without reading it). */
    boolean hasManifest(String partition) throws IOException;

    /** Records one change of the partition's manifest (the caller holds its lock). */
    void change(String partition, Manifest.Change change) throws IOException;

    InputStream open(String partition, String name) throws IOException;

    /** Makes a complete local file a data file of the partition, whole or not at all. */
    void publish(String partition, Path local, String name) throws IOException;

    void delete(String partition, Collection<String> names) throws IOException;

    /** Holds the partition's manifest for a read-change-write: other writers of it wait. */
    Closeable lock(String partition) throws IOException;

    /** A local folder for scratch files near the data (the system's temp folder for S3). */
    Path scratch() throws IOException;

    @Override
    void close() throws IOException;

    /** A data file's name: not hidden ({@code .}) and not metadata ({@code _}). */
    static boolean isData(String name) {
        return !name.startsWith(".") && !name.startsWith("_");
    }
}
