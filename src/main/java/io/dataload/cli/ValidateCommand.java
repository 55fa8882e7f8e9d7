package io.dataload.cli;

import io.dataload.plan.CheckedRequest;
import io.dataload.plan.FrontDoor;
import io.dataload.plan.RunRequest;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dataload validate}: every check a run makes before it starts, for one action or all of a
 * file's, including every file they chain to, without connecting to anything.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Checks ACTIONS.json and every file it chains to, without connecting to anything.",
            "Syntax, shapes, script files, placeholders, OnError answers, retry durations, chains.",
            "Problems are printed as path:line:col: message; exit 2 when there is any."})
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions inputOptions;

    @Mixin
    AsWrapperOption as;

    @Parameters(index = "0", paramLabel = "ACTIONS.json", description = "The action file.")
    String actionFile;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ACTION", description = "The action to check (default: all of the file's).")
    String action;

    @Override
    public Integer call() {
        PrintWriterPair io = new PrintWriterPair(spec);
        java.util.Map<String, String> params = as.with(inputOptions.params.params);
        if (params == null) {
            return as.refuse(io);
        }
        RunRequest request = RunRequest.of(inputOptions.workDir(), actionFile, action)
                .withResources(inputOptions.resources).withParams(params).withDatabase(as.database());
        CheckedRequest checked = FrontDoor.check(request, action == null ? List.of() : List.of(action));
        if (io.checked(checked) != ExitCodes.SUCCESS) {
            return ExitCodes.BAD_INPUT;
        }
        List<String> actions = checked.actionsChecked();
        io.out().println(actionFile + ": ok (" + actions.size() + " action" + (actions.size() == 1 ? "" : "s")
                + " checked: " + String.join(", ", actions) + ")");
        for (io.dataload.plan.Plan plan : checked.plan().reachable()) {
            for (io.dataload.plan.PlannedAction planned : plan.actions()) {
                if (planned.fanout() != null) {
                    io.out().println("  " + plan.filePath() + ": " + planned.name() + " " + plan.action() + ": "
                            + PlanCommand.fanout(planned.fanout()));
                }
            }
        }
        io.out().flush();
        return ExitCodes.SUCCESS;
    }
}
