package io.dataload.cli;

/** Entry point: the exit code is the command's. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(DataLoadCommand.commandLine(args).execute(args));
    }
}
