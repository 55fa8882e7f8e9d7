package io.dataload.config;

/** An item of the action file's {@code Placeholders} list: {@code name} (with its # signs), value, and where the value is written. */
public record Placeholder(String name, String value, Location location) {
}
