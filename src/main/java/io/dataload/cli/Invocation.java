package io.dataload.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** Where a command writes and the command line it was given: from picocli's parse or from {@link FastPath}. */
record Invocation(PrintWriterPair io, List<String> originalArgs) {

    static Invocation of(CommandSpec spec) {
        return new Invocation(new PrintWriterPair(spec), spec.commandLine().getParseResult().originalArgs());
    }
}
