package io.dataload.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One entry's script for one action name: the file (or a native {@code copy}, or a {@code tableau}
 * refresh), the action's
 * options ({@code tofile}, {@code delimiter} and the other extract options), its own
 * {@code OnError} and {@code OnSuccess}, its {@code timeout} (null: none), an extract's output
 * (format, compression, partitions) and the action's {@code sla} (null: none).
 */
public record ActionSpec(
        String action,
        String file,
        CopySpec copy,
        Location location,
        Map<String, String> options,
        ErrorPolicy onError,
        List<Hook> onSuccess,
        Duration timeout,
        Incremental incremental,
        TableauRefresh tableau,
        Foreach foreach,
        FileOutput output,
        Sla sla) {

    public String option(String name) {
        return options.get(name);
    }
}
