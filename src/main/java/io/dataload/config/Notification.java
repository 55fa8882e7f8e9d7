package io.dataload.config;

import java.util.List;
import java.util.Map;

/**
 * A native notification in an {@code OnSuccess…} or notification value:
 * {@code {"sns": {...}}}, {@code {"sqs": {...}}}, {@code {"slack": {...}}} or
 * {@code {"servicenow": {...}}}. Field values may hold placeholders.
 */
public record Notification(String kind, Map<String, String> fields, Location location) implements Hook {

    /** Each kind's required and optional fields. */
    public static final Map<String, List<List<String>>> KINDS = Map.of(
            "sns", List.of(List.of("topic", "message"), List.of("subject")),
            "sqs", List.of(List.of("queue", "message"), List.of()),
            "slack", List.of(List.of("webhook", "text"), List.of("channel")),
            "servicenow", List.of(List.of("instance", "user", "password", "short_description"),
                    List.of("assignment_group", "description", "urgency", "impact")));

    /** Fields that address the service or log in to it: sent as resolved; every other field is content, masked. */
    public static final java.util.Set<String> ADDRESS_FIELDS = java.util.Set.of("topic", "queue", "webhook", "instance",
            "user", "password");

    public String field(String name) {
        return fields.get(name);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case "sns" -> "sns to topic " + fields.get("topic");
            case "sqs" -> "sqs to queue " + fields.get("queue");
            case "slack" -> "slack" + (fields.containsKey("channel") ? " to " + fields.get("channel") : "");
            default -> "servicenow incident for " + fields.getOrDefault("assignment_group", "the default group");
        };
    }
}
