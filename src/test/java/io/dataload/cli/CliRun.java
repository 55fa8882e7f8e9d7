package io.dataload.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs the real command line in-process and keeps its exit code and output. */
public record CliRun(int exit, String out, String err) {

    public static CliRun of(String... args) {
        // as Main does: the plain command lines of run and the wrappers without picocli, the rest with it
        StringWriter fastOut = new StringWriter();
        StringWriter fastErr = new StringWriter();
        Integer fast = DataLoadCommand.runFast(args, new Invocation(new PrintWriterPair(new PrintWriter(fastOut, true),
                new PrintWriter(fastErr, true)), FastPath.standardStreams(args).originalArgs()));
        if (fast != null) {
            return new CliRun(fast, fastOut.toString(), fastErr.toString());
        }
        CommandLine commandLine = DataLoadCommand.commandLine(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** {@code dataload run -C dir ARGS...}. */
    public static CliRun run(Path dir, String... args) {
        List<String> all = new ArrayList<>(List.of("run", "-C", dir.toString()));
        all.addAll(List.of(args));
        return of(all.toArray(String[]::new));
    }

    /** The text of the newest execution log saved under {@code dir}/logs. */
    public static String latestLog(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir.resolve("logs"))) {
            Path log = files.filter(f -> f.toString().endsWith(".log")).max(java.util.Comparator.naturalOrder()).orElseThrow();
            return java.nio.file.Files.readString(log);
        }
    }

    public String all() {
        return out + err;
    }
}
