package io.dataload.output;

import io.dataload.aws.SdkAwsServices;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A lake under an S3 prefix, through the AWS SDK (region, credentials and endpoint the SDK's
 * standard way). An object appears whole when its PUT completes, so a merged file needs no hidden
 * name; the manifest is one object replaced by one PUT. S3 has no locks: one compaction of a prefix
 * at a time (this process's threads wait for each other).
 */
public final class S3Lake implements Lake {
    private static final Map<String, ReentrantLock> HELD = new ConcurrentHashMap<>();

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    /** {@code s3://bucket/prefix} (with or without a final slash). */
    public S3Lake(String url) {
        if (!url.startsWith("s3://") || url.length() <= 5) {
            throw new IllegalArgumentException("not an s3://bucket/prefix URL: " + url);
        }
        String rest = url.substring(5);
        int slash = rest.indexOf('/');
        this.bucket = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        this.prefix = path.isEmpty() || path.endsWith("/") ? path : path + "/";
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("no bucket in " + url);
        }
        this.s3 = SdkAwsServices.s3(SdkAwsServices.region(null));
    }

    private String key(String partition, String name) {
        return prefix + (partition.isEmpty() ? "" : partition + "/") + name;
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }

    @Override
    public Map<String, List<LakeFile>> listing() throws IOException {
        Map<String, List<LakeFile>> byPartition = new TreeMap<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()) {
                String relative = object.key().substring(prefix.length());
                if (relative.isEmpty() || relative.endsWith("/")) {
                    continue;
                }
                boolean hidden = false;
                for (String element : relative.split("/")) {
                    hidden |= !Lake.isData(element);
                }
                if (hidden) {
                    continue;
                }
                int last = relative.lastIndexOf('/');
                String partition = last < 0 ? "" : relative.substring(0, last);
                byPartition.computeIfAbsent(partition, k -> new ArrayList<>()).add(new LakeFile(
                        relative.substring(last + 1), object.size() == null ? 0 : object.size(), object.lastModified()));
            }
        } catch (SdkException e) {
            throw new IOException("listing " + describe() + ": " + e.getMessage(), e);
        }
        byPartition.values().forEach(files -> files.sort(Comparator.comparing(LakeFile::name)));
        return byPartition;
    }

    @Override
    public Manifest manifest(String partition) throws IOException {
        String key = key(partition, Manifest.NAME);
        try {
            return Manifest.parse(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray(), "s3://" + bucket + "/" + key);
        } catch (NoSuchKeyException e) {
            return null;
        } catch (SdkException e) {
            throw new IOException("reading s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void writeManifest(String partition, Manifest manifest) throws IOException {
        String key = key(partition, Manifest.NAME);
        byte[] body = manifest.toJson();
        try {
            s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromBytes(body));
        } catch (SdkException e) {
            throw new IOException("writing s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean hasManifest(String partition) throws IOException {
        return manifest(partition) != null;
    }

    /** S3 has no append: the manifest is read, changed and written back (one writer a prefix). */
    @Override
    public void change(String partition, Manifest.Change change) throws IOException {
        Manifest manifest = manifest(partition);
        writeManifest(partition, (manifest == null ? Manifest.empty() : manifest).apply(change));
    }

    @Override
    public InputStream open(String partition, String name) throws IOException {
        String key = key(partition, name);
        try {
            return s3.getObject(r -> r.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw new IOException("reading s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void publish(String partition, Path local, String name) throws IOException {
        String key = key(partition, name);
        try {
            s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromFile(local));
        } catch (SdkException e) {
            throw new IOException("writing s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
        Files.deleteIfExists(local);
    }

    @Override
    public void delete(String partition, Collection<String> names) throws IOException {
        List<ObjectIdentifier> keys = names.stream().map(n -> ObjectIdentifier.builder().key(key(partition, n)).build()).toList();
        try {
            for (int from = 0; from < keys.size(); from += 1000) {
                List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + 1000));
                var response = s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
                if (response.hasErrors() && !response.errors().isEmpty()) {
                    throw new IOException("deleting from " + describe() + ": " + response.errors().get(0).key() + ": "
                            + response.errors().get(0).message());
                }
            }
        } catch (SdkException e) {
            throw new IOException("deleting from " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Closeable lock(String partition) {
        ReentrantLock lock = HELD.computeIfAbsent(key(partition, Manifest.NAME), k -> new ReentrantLock());
        lock.lock();
        return lock::unlock;
    }

    @Override
    public Path scratch() throws IOException {
        Path scratch = Path.of(System.getProperty("java.io.tmpdir"), "dataload-compact");
        Files.createDirectories(scratch);
        return scratch;
    }

    @Override
    public void close() {
        s3.close();
    }
}
