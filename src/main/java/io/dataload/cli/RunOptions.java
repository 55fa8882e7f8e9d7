package io.dataload.cli;

import java.nio.file.Path;
import java.util.Map;

/** Everything one run needs from the command line, whichever command or wrapper gave it. */
public record RunOptions(
        String wrapper,
        Path workDir,
        String actionFile,
        String action,
        String startingTable,
        int attempt,
        String resourceFile,
        Map<String, String> params,
        String database,
        Integer pool,
        String logDir,
        boolean verbose,
        boolean quiet,
        boolean printLog,
        boolean resume) {
}
