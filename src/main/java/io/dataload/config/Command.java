package io.dataload.config;

/**
 * A shell command written in a file (an {@code OnError} item, an {@code OnSuccess…} value or a
 * notification). Placeholders are applied when it runs.
 */
public record Command(String text, Location location) implements Answer, Hook {
    @Override
    public String toString() {
        return text;
    }
}
