package io.dataload.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code dataload} command. */
@Command(name = "dataload",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Runs the actions of JSON action files (the Python DataLoad format) against a database.",
        subcommands = {RunCommand.class, ValidateCommand.class, PlanCommand.class, DemoCommand.class, PostgresCommand.class, MySqlCommand.class, RedshiftCommand.class,
            CliCommand.class, SnsCommand.class, SqsCommand.class, RdsCommand.class, RedshiftClusterCommand.class,
            VpcCommand.class, CommandLine.HelpCommand.class})
public final class DataLoadCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: run or demo");
    }

    private static void listExitCodes(CommandLine commandLine) {
        commandLine.getCommandSpec().usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCodes.DESCRIPTIONS);
        commandLine.getSubcommands().values().forEach(DataLoadCommand::listExitCodes);
    }

    /** The configured command line: usage errors exit 2, unexpected exceptions 3. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new DataLoadCommand());
        listExitCodes(commandLine);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            err.println("dataload: internal error: " + exception);
            exception.printStackTrace(err);
            err.flush();
            return ExitCodes.INTERNAL_ERROR;
        });
        return commandLine;
    }
}
