package io.dataload.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The resource file, flattened the way the Python tool did: nested maps join with {@code .},
 * list items are {@code key[i]}. Values are the Python {@code str()} of each scalar;
 * {@code locations} says where each key (and each section) is written, for messages.
 */
public record Resources(String displayPath, Map<String, String> values, Map<String, Location> locations) {

    public Resources(String displayPath, Map<String, String> values) {
        this(displayPath, values, Map.of());
    }

    public static Resources none() {
        return new Resources(null, Map.of());
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Where {@code key} (a value or a section such as {@code Snowflake}) is written; the file itself when unknown. */
    public Location location(String key) {
        Location at = locations.get(key);
        if (at != null) {
            return at;
        }
        return Location.file(Path.of(displayPath == null ? "resource file" : displayPath));
    }
}
