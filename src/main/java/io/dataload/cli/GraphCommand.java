package io.dataload.cli;

import io.dataload.plan.ChainGraph;
import io.dataload.plan.CheckedRequest;
import io.dataload.plan.FrontDoor;
import io.dataload.plan.RunRequest;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dataload graph}: the chain graph of action files, without running anything. */
@Command(name = "graph", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Prints what ACTION (default: each action of the file) may run, as a graph.",
            "Entries, handlers, notifications and chained files, as Mermaid (for READMEs) or Graphviz DOT. "
                + "Nothing runs."})
public final class GraphCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions inputOptions;

    @Parameters(index = "0", paramLabel = "ACTIONS.json", description = "The action file.")
    String actionFile;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ACTION", description = "The action (default: all of the file's).")
    String action;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "mermaid",
            description = "mermaid or dot (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        PrintWriterPair io = new PrintWriterPair(spec);
        String kind = format.toLowerCase(Locale.ROOT);
        if (!kind.equals("mermaid") && !kind.equals("dot")) {
            return io.usage("--format must be mermaid or dot, found " + format);
        }
        RunRequest base = RunRequest.of(inputOptions.workDir(), actionFile, action)
                .withResources(inputOptions.resources).withParams(inputOptions.params.params);
        CheckedRequest all = FrontDoor.check(base, action == null ? List.of() : List.of(action));
        if (io.checked(all) != ExitCodes.SUCCESS) {
            return ExitCodes.BAD_INPUT;
        }
        List<ChainGraph.Node> nodes = new java.util.ArrayList<>();
        List<ChainGraph.Edge> edges = new java.util.ArrayList<>();
        int index = 0;
        for (String each : all.actionsChecked()) {
            ChainGraph graph = ChainGraph.of(FrontDoor.check(base, List.of(each)).plan(), "a" + index++ + "_");
            nodes.addAll(graph.nodes());
            edges.addAll(graph.edges());
        }
        ChainGraph graph = new ChainGraph(nodes, edges);
        String result = kind.equals("dot") ? graph.dot() : graph.mermaid();
        io.out().print(result);
        io.out().flush();
        return ExitCodes.SUCCESS;
    }
}
