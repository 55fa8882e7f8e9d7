package io.dataload.cli;

import io.dataload.config.Answer;
import io.dataload.config.ErrorPolicy;
import io.dataload.config.ErrorRule;
import io.dataload.config.Hook;
import io.dataload.config.Mode;
import io.dataload.plan.ActionKind;
import io.dataload.plan.CheckedRequest;
import io.dataload.plan.FrontDoor;
import io.dataload.plan.RunRequest;
import io.dataload.plan.Plan;
import io.dataload.plan.HookGroup;
import io.dataload.plan.PlannedAction;
import io.dataload.record.SecretMasker;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dataload plan}: what a run would do, without running it — the entries in order (or as one
 * parallel group), each resolved script or command with secrets masked, the error policy that
 * applies, and every chained run.
 */
@Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Prints what `run` would do with the same arguments, without connecting or running anything.")
public final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions inputOptions;

    @Mixin
    TargetArguments target;

    @Option(names = {"-v", "--verbose"}, description = "Print each resolved script in full (secrets masked).")
    boolean verbose;

    @Mixin
    AsWrapperOption as;

    @Option(names = "--db", paramLabel = "DATABASE", description = "The database `run` would use (as for `run`; "
            + "nothing connects): it decides how #\"key\"# literals are quoted.")
    String database;

    @Override
    public Integer call() {
        PrintWriterPair io = new PrintWriterPair(spec);
        RunRequest request = RunRequest.of(inputOptions.workDir(), target.actionFile, target.action)
                .withResources(inputOptions.resources);
        Map<String, String> params = as.with(inputOptions.params.params);
        if (params == null) {
            return as.refuse(io);
        }
        request = request.withParams(params);
        request = request.from(target.startingTable, target.attempt).withDatabase(database != null ? database : as.database());
        CheckedRequest checked = FrontDoor.check(request);
        if (io.checked(checked) != ExitCodes.SUCCESS) {
            return ExitCodes.BAD_INPUT;
        }
        Plan plan = checked.plan();
        SecretMasker masker = new SecretMasker(plan.placeholderValues());
        for (Plan each : plan.reachable()) {
            print(io.out(), each, masker);
        }
        io.out().flush();
        return ExitCodes.SUCCESS;
    }

    private void print(PrintWriter out, Plan plan, SecretMasker masker) {
        out.println((plan.chained() ? "then " : "") + "run \"" + plan.action() + "\" over " + plan.filePath()
                + ", attempt " + plan.attempt() + ": " + (plan.mode() == Mode.PARALLEL
                ? "in parallel, " + plan.actions().size() + (plan.actions().size() == 1 ? " entry" : " entries") : "in order"));
        int step = 0;
        for (PlannedAction action : plan.actions()) {
            step++;
            String head = plan.mode() == Mode.PARALLEL ? "  * " : String.format("  %d. ", step);
            out.println(head + action.name() + ": " + describe(action));
            if (action.fanout() != null) {
                out.println("       " + fanout(action.fanout()));
            }
            if (verbose && action.kind() != ActionKind.COPY && action.kind() != ActionKind.TABLEAU) {
                masker.mask(action.script()).strip().lines().forEach(line -> out.println("       | " + line));
            }
            String policy = policy(action.onError().action(), "action")
                    + policy(action.onError().table(), "table") + policy(action.onError().file(), "file");
            out.println("       on error: " + (policy.isEmpty() ? "Stop" : policy.substring(2)));
            hooks(out, "on success", action.onSuccess().hooks(), masker);
        }
        for (HookGroup group : plan.afterSuccess()) {
            hooks(out, "after all, " + group.label(), group.hooks(), masker);
        }
        hooks(out, "on any failure, OnErrorNotification", plan.onErrorNotification().hooks(), masker);
    }

    /** A fan-out as validate and plan show it: its source, and for files how many match now and the first few. */
    static String fanout(io.dataload.plan.Fanout fanout) {
        return "for each of the " + fanout.source() + (fanout.source().kind().equals("files")
                ? " (" + io.dataload.execute.FileItems.describe(fanout.source().value(), 3) + ")" : "")
                + ", " + fanout.concurrency() + " at a time";
    }

    private static String describe(PlannedAction action) {
        return switch (action.kind()) {
            case EXEC -> "shell " + action.scriptDisplay();
            case EXTRACT -> "extract " + action.scriptDisplay() + " -> " + action.extract().file().getFileName();
            case COPY -> "copy " + action.scriptDisplay() + " into " + action.copy().table()
                    + (action.copy().format().truncate() ? ", emptied first" : "");
            case TABLEAU -> "tableau refresh of " + action.tableau() + ", waited for up to "
                    + io.dataload.config.Retry.describe(action.tableau().waitFor());
            default -> "SQL " + action.scriptDisplay() + (action.timeout() == null ? ""
                    : " (timeout " + io.dataload.config.Retry.describe(action.timeout()) + ")");
        };
    }

    private static String policy(ErrorPolicy policy, String level) {
        if (policy == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (ErrorRule rule : policy.rules()) {
            parts.add("\"" + rule.key() + "\" -> " + answers(rule.answers()));
        }
        if (policy.anyOther() != null) {
            parts.add("AnyOther -> " + answers(policy.anyOther()));
        }
        return "; " + level + " level: " + String.join(", ", parts);
    }

    private static String answers(List<Answer> answers) {
        return answers.stream().map(a -> a instanceof io.dataload.config.Command ? "a command" : a.toString())
                .collect(Collectors.joining(" / ", "[", "]"));
    }

    private static void hooks(PrintWriter out, String label, List<Hook> hooks, SecretMasker masker) {
        for (Hook hook : hooks) {
            out.println("       " + label + ": " + masker.mask(hook.toString()));
        }
    }
}
