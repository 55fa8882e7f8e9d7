package io.dataload.cli;

/** Entry point: the exit code is the command's. */
public final class Main {
    static final String SNOWFLAKE_LOGGER = "net.snowflake.jdbc.loggerImpl";

    private Main() {
    }

    public static void main(String[] args) {
        // before anything logs: logging is configured once, on first use
        // before any JDBC driver loads: the Snowflake driver logs through SLF4J like every library here,
        // not with its own java.util.logging set-up that prints INFO lines on each login
        System.setProperty(SNOWFLAKE_LOGGER, "net.snowflake.client.log.SLF4JLogger");
        if (java.util.Arrays.asList(args).contains("--debug")) {
            System.setProperty(io.dataload.record.ConsoleLogConfigurator.DEBUG_PROPERTY, "true");
        }
        System.exit(DataLoadCommand.commandLine(args).execute(args));
    }
}
