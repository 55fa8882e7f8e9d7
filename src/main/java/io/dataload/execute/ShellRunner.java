package io.dataload.execute;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs a command with the system shell ({@code /bin/sh -c}), as Python's
 * {@code subprocess(shell=True)} did, in the run's working directory. Keeps the tail of its
 * combined stdout and stderr for the log and the error text.
 */
public final class ShellRunner {
    private static final int KEEP_BYTES = 16 * 1024;

    private final Path workDir;
    private final Interruption interruption;

    public ShellRunner(Path workDir, Interruption interruption) {
        this.workDir = workDir;
        this.interruption = interruption;
    }

    public ShellResult run(String command) throws InterruptedException {
        return run(command, null);
    }

    /** Runs the command; after {@code timeout} (none when null) its whole process tree is killed. */
    public ShellResult run(String command, Duration timeout) throws InterruptedException {
        return run(command, timeout, process -> { });
    }

    /** The same, telling {@code started} the shell's process as soon as it runs. */
    public ShellResult run(String command, Duration timeout, java.util.function.Consumer<ProcessHandle> started)
            throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new ShellResult(127, "cannot start /bin/sh: " + e.getMessage());
        }
        started.accept(process.toHandle());
        try (ActionTimer timer = ActionTimer.start(timeout, () -> kill(process));
                AutoCloseable registration = interruption.register(() -> kill(process))) {
            String output;
            try {
                output = tail(process.getInputStream());
            } catch (IOException e) {
                // the stream closes under the reader when a timeout kills the command
                output = timer.expired() ? "" : "cannot read the command's output: " + e.getMessage();
            }
            int exit = process.waitFor();
            return new ShellResult(exit, output, timer.expired());
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("unregistering a finished command", e);
        }
    }

    /** Kills the command and everything it started. */
    static void kill(Process process) {
        // the shell first, so it cannot go on to its next command when a child dies; its children
        // are taken from a list made before, as they leave its tree once it is gone
        java.util.List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static String tail(InputStream in) throws IOException {
        byte[] ring = new byte[KEEP_BYTES];
        long total = 0;
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            for (int i = 0; i < n; i++) {
                ring[(int) ((total + i) % KEEP_BYTES)] = buffer[i];
            }
            total += n;
        }
        if (total <= KEEP_BYTES) {
            return new String(ring, 0, (int) total, StandardCharsets.UTF_8).strip();
        }
        int start = (int) (total % KEEP_BYTES);
        byte[] ordered = new byte[KEEP_BYTES];
        System.arraycopy(ring, start, ordered, 0, KEEP_BYTES - start);
        System.arraycopy(ring, 0, ordered, KEEP_BYTES - start, start);
        return "..." + new String(ordered, StandardCharsets.UTF_8).strip();
    }
}
