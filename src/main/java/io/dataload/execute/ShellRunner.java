package io.dataload.execute;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Runs a command with the system shell ({@code /bin/sh -c}), as Python's
 * {@code subprocess(shell=True)} did, in the run's working directory. Keeps the tail of its
 * combined stdout and stderr for the log and the error text.
 */
public final class ShellRunner {
    private static final int KEEP_BYTES = 16 * 1024;

    private final Path workDir;

    public ShellRunner(Path workDir) {
        this.workDir = workDir;
    }

    public ShellResult run(String command) throws InterruptedException {
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
        try {
            String output = tail(process.getInputStream());
            return new ShellResult(process.waitFor(), output);
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw e;
        } catch (IOException e) {
            return new ShellResult(process.waitFor(), "cannot read the command's output: " + e.getMessage());
        }
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
