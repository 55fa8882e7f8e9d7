package io.dataload.cli;

import io.dataload.plan.RunRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dataload cli ACTIONS.json [ATTEMPT]} — the CLILoadT wrapper: action exec, no database. */
@Command(name = "cli", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "CLILoadT: runs action exec of ACTIONS.json (default StagingArea.json); no database.")
final class CliCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Set by {@link FastPath}, which reads the command line without picocli; else from {@link #spec}. */
    Invocation invocation;

    @Parameters(arity = "0..2", paramLabel = "ARG", description = "ACTIONS.json [ATTEMPT]")
    List<String> args = List.of();

    @Mixin
    ParamsOption params;

    @Mixin
    SessionOptions session;

    @Override
    public Integer call() {
        Invocation invoked = invocation != null ? invocation : Invocation.of(spec);
        String actions = args.isEmpty() ? WrapperCommand.DEFAULT_ACTIONS : args.get(0);
        int attempt = args.size() > 1 ? WrapperCommand.attempt(spec, args.get(1)) : 1;
        RunRequest request = new RunRequest("CLILoadT", "cli", Path.of("").toAbsolutePath(), null, actions, "exec", null,
                attempt, params.params, null, null, session.logDir, session.resume,
                invoked.originalArgs()).withState(session.state);
        return new RunConsole(invoked.io().out(), invoked.io().err(), session.output()).run(request);
    }
}
