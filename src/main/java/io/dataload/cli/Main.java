package io.dataload.cli;

/** Entry point: the exit code is the command's. */
public final class Main {
    /** The commands that run actions, whose start-up {@link Warmup} shortens. */
    private static final java.util.Set<String> RUNS = java.util.Set.of("run", "postgres", "mysql", "redshift", "cli", "demo");

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && RUNS.contains(args[0])) {
            Warmup.start();
        }
        System.exit(DataLoadCommand.commandLine(args).execute(args));
    }
}
