package io.dataload.config;

import java.util.Map;

/** An item of {@code Tables}: a table, procedure, report or check, with its scripts per action. */
public record TableEntry(
        String name,
        String description,
        Map<String, ActionSpec> scripts,
        ErrorPolicy onError,
        Location location) {
}
