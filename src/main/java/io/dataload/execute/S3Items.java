package io.dataload.execute;

import io.dataload.aws.AwsException;
import io.dataload.aws.AwsServices;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The objects under an {@code s3://bucket/prefix/}, listed a page at a time as the items run (folder
 * markers, keys ending in /, are skipped). An item's key is the object's key under the prefix; its
 * values are {@code #item#} (s3://bucket/key), {@code #item.bucket#}, {@code #item.key#},
 * {@code #item.name#}, {@code #item.stem#} and {@code #item.size#}.
 */
final class S3Items implements ItemSource {
    private final String bucket;
    private final String prefix;
    private final Iterator<AwsServices.StoredObject> objects;

    S3Items(String url, AwsServices aws) throws IOException {
        String rest = url.substring("s3://".length());
        bucket = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        prefix = rest.contains("/") ? rest.substring(rest.indexOf('/') + 1) : "";
        if (bucket.isEmpty()) {
            throw new IOException("no bucket in " + url);
        }
        try {
            objects = aws.listObjects(bucket, prefix);
        } catch (AwsException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public Item next() throws IOException {
        try {
            while (objects.hasNext()) {
                AwsServices.StoredObject object = objects.next();
                if (object.key().endsWith("/")) {
                    continue;
                }
                String name = object.key().substring(object.key().lastIndexOf('/') + 1);
                Map<String, String> values = new LinkedHashMap<>();
                values.put("item", "s3://" + bucket + "/" + object.key());
                values.put("item.bucket", bucket);
                values.put("item.key", object.key());
                values.put("item.name", name);
                values.put("item.stem", name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name);
                values.put("item.size", Long.toString(object.size()));
                return new Item(object.key().substring(Math.min(prefix.length(), object.key().length())), values);
            }
            return null;
        } catch (AwsException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
    }
}
