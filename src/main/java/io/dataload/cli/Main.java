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
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // the version alone: printed without building the command line (picocli reads every option's
            // annotations first, most of the time --version took)
            System.out.println(new VersionProvider().getVersion()[0]);
            System.exit(ExitCodes.SUCCESS);
        }
        if (args.length == 1 && args[0].equals(CdsTraining.OPTION)) {
            System.exit(CdsTraining.run()); // bin/dataload's, once after a build
        }
        if (java.util.Arrays.asList(args).contains("--debug")) {
            System.setProperty(io.dataload.record.ConsoleLogConfigurator.DEBUG_PROPERTY, "true");
        }
        int code;
        try {
            Integer fast = DataLoadCommand.runFast(args, FastPath.standardStreams(args));
            code = fast != null ? fast : DataLoadCommand.commandLine(args).execute(args);
        } catch (LinkageError e) {
            // picocli passes errors on: a jar copied without lib/dataload-cloud.jar, in an AWS helper
            String library = io.dataload.db.CloudJar.libraryOf(e);
            if (library == null) {
                throw e;
            }
            System.err.println("dataload: " + io.dataload.db.CloudJar.missing(library));
            code = ExitCodes.INTERNAL_ERROR;
        }
        System.exit(code);
    }
}
