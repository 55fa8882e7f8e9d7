package io.dataload.config;

/**
 * An action's {@code "foreach"}: where its items come from — {@code files} (a local glob, {@code **}
 * for any depth), {@code s3} (every object under {@code s3://bucket/prefix/}) or {@code query} (the rows
 * of a query on the action's database) — and how many run at once ({@code "concurrency"}, default 1).
 * The text may hold placeholders (not {@code #item#}: the items are what it lists).
 */
public record Foreach(String kind, String value, int concurrency, Location location) {
    public static final java.util.List<String> KINDS = java.util.List.of("files", "s3", "query");
}
