package io.dataload.execute;

/** How a shell command ended: its exit code and the tail of its combined output. */
public record ShellResult(int exitCode, String output) {
}
