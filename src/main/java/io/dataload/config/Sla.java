package io.dataload.config;

import java.time.Duration;
import java.util.List;

/**
 * A service-level time: {@code "sla": "30m"} on an action file, an entry's action or a schedule job,
 * and the {@code OnSlaMiss} handlers run once when the run (or the action) is still going after it.
 * {@code after} is null where only the handlers are given (a file's handlers serve its actions' slas).
 */
public record Sla(Duration after, List<Hook> onMiss, Location location) {
    public Sla {
        onMiss = List.copyOf(onMiss);
    }
}
