package io.dataload.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dataload cli ACTIONS.json [ATTEMPT]} — the CLILoadT wrapper: action exec, no database. */
@Command(name = "cli", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "CLILoadT: runs action exec of ACTIONS.json (default StagingArea.json); no database.")
final class CliCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..2", paramLabel = "ARG", description = "ACTIONS.json [ATTEMPT]")
    List<String> args = List.of();

    @Option(names = {"-P", "--param"}, paramLabel = "KEY=VALUE", description = "A runtime parameter #KEY#.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--log-dir", paramLabel = "DIR", defaultValue = "logs", description = "Where the log is saved.")
    String logDir;

    @Option(names = {"-q", "--quiet"}, description = "Do not print progress while running.")
    boolean quiet;

    @Option(names = "--resume", description = "Run again only what failed or never ran in the last run of this file.")
    boolean resume;

    @Override
    public Integer call() {
        String actions = args.isEmpty() ? WrapperCommand.DEFAULT_ACTIONS : args.get(0);
        int attempt = args.size() > 1 ? WrapperCommand.attempt(spec, args.get(1)) : 1;
        RunOptions options = new RunOptions("CLILoadT", Path.of("").toAbsolutePath(), actions, "exec", null, attempt,
                null, params, null, null, logDir, false, quiet, true, resume);
        return new RunLauncher(spec.commandLine().getOut(), spec.commandLine().getErr()).launch(options);
    }
}
