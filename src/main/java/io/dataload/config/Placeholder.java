package io.dataload.config;

/** An item of the action file's {@code Placeholders} list: {@code name} (with its # signs) and value. */
public record Placeholder(String name, String value, Location location) {
}
