package io.dataload.config;

import java.util.List;

/** One {@code "key": [answers per attempt]} pair of an {@code OnError} object. */
public record ErrorRule(String key, List<Answer> answers, Location location) {
}
