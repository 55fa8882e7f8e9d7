package io.dataload.plan;

import java.time.Duration;

/**
 * A service-level time of a run or an action, resolved: how long it may run ({@code after}) before
 * the {@code onMiss} handlers run, once.
 */
public record SlaPlan(Duration after, HookGroup onMiss) {
}
