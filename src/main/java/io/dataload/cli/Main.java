package io.dataload.cli;

/** Entry point: the exit code is the command's. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // before anything logs: logging is configured once, on first use
        if (java.util.Arrays.asList(args).contains("--debug")) {
            System.setProperty(io.dataload.record.ConsoleLogConfigurator.DEBUG_PROPERTY, "true");
        }
        System.exit(DataLoadCommand.commandLine(args).execute(args));
    }
}
