package io.dataload.cli;

import io.dataload.config.ActionFile;
import io.dataload.config.ConfigException;
import io.dataload.config.Problem;
import io.dataload.config.Resources;
import io.dataload.config.TableEntry;
import io.dataload.plan.ChainPlanner;
import io.dataload.plan.PlaceholderResolver;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    @Parameters(index = "0", paramLabel = "ACTIONS.json", description = "The action file.")
    String actionFile;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ACTION", description = "The action to check (default: all of the file's).")
    String action;

    @Override
    public Integer call() {
        Path workDir = inputOptions.workDir();
        PrintWriterPair io = new PrintWriterPair(spec);
        try {
            InputFiles input = InputFiles.read(workDir, inputOptions.resources, actionFile);
            Resources values = input.resources();
            ActionFile file = input.actionFile();
            io.warnings(input.warnings());
            Set<String> actions = new LinkedHashSet<>();
            if (action != null) {
                actions.add(action);
            } else {
                for (TableEntry entry : file.tables()) {
                    actions.addAll(entry.scripts().keySet());
                }
            }
            Set<Problem> problems = new LinkedHashSet<>();
            Set<Problem> warnings = new LinkedHashSet<>();
            for (String each : actions) {
                ChainPlanner planner = new ChainPlanner(workDir);
                try {
                    planner.plan(file, each, null, 1, new PlaceholderResolver(List.of(), values.values(), inputOptions.params));
                } catch (ConfigException e) {
                    problems.addAll(e.problems());
                }
                warnings.addAll(planner.warnings());
            }
            io.warnings(List.copyOf(warnings));
            if (!problems.isEmpty()) {
                return io.problems(new ConfigException(List.copyOf(problems)));
            }
            io.out().println(actionFile + ": ok (" + actions.size() + " action" + (actions.size() == 1 ? "" : "s")
                    + " checked: " + String.join(", ", actions) + ")");
            io.out().flush();
            return ExitCodes.SUCCESS;
        } catch (ConfigException e) {
            return io.problems(e);
        }
    }
}
