package io.dataload.config;

import java.util.Map;
import java.util.Optional;

/**
 * The resource file, flattened the way the Python tool did: nested maps join with {@code .},
 * list items are {@code key[i]}. Values are the Python {@code str()} of each scalar.
 */
public record Resources(String displayPath, Map<String, String> values) {

    public static Resources none() {
        return new Resources(null, Map.of());
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }
}
