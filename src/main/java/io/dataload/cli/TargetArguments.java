package io.dataload.cli;

import picocli.CommandLine.Parameters;

/** {@code ACTIONS.json ACTION [STARTING_TABLE [ATTEMPT]]}: what to run, for {@code run} and {@code plan}. */
final class TargetArguments {

    @Parameters(index = "0", paramLabel = "ACTIONS.json", description = "The action file.")
    String actionFile;

    @Parameters(index = "1", paramLabel = "ACTION", description = "The action to run (create, load, exec, extract, ...).")
    String action;

    @Parameters(index = "2", arity = "0..1", paramLabel = "STARTING_TABLE",
            description = "Sequential: start at this entry. Parallel: run only this entry. \"\" for none.")
    String startingTable;

    @Parameters(index = "3", arity = "0..1", paramLabel = "ATTEMPT", defaultValue = "1",
            description = "The attempt number that selects the OnError answer (default: ${DEFAULT-VALUE}).")
    int attempt;
}
