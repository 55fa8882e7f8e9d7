package io.dataload.config;

import java.util.Map;

/**
 * {@code {"run": {"file": ..., "action": ..., "resources"?, "table"?, "params"?}}}: another run,
 * executed in the same process once the current one has finished. Texts may hold placeholders.
 */
public record ChainRun(String file, String action, String resources, String table, Map<String, String> params,
        Location location) implements Hook, Answer {

    @Override
    public String toString() {
        return "run " + file + " " + action + (table == null ? "" : " from " + table);
    }
}
