package io.dataload.config;

/** One thing wrong with the user's input, printed as {@code path:line:col: message}. */
public record Problem(Location location, String message) {

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
