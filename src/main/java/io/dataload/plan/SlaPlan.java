package io.dataload.plan;

import java.time.Duration;

/**
 * A service-level time of a run or an action, resolved: how long it may run ({@code after}) before
 * the {@code onMiss} handlers run, once. A run's {@code after} is null when the file gives only
 * handlers (for an sla a schedule job or {@code run --sla} sets).
 */
public record SlaPlan(Duration after, HookGroup onMiss) {
}
