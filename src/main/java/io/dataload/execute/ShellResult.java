package io.dataload.execute;

/** How a shell command ended: its exit code, the tail of its combined output, whether its timeout stopped it. */
public record ShellResult(int exitCode, String output, boolean timedOut) {

    public ShellResult(int exitCode, String output) {
        this(exitCode, output, false);
    }
}
