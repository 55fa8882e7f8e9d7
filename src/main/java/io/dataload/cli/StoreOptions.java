package io.dataload.cli;

import io.dataload.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which run-history store a reading command opens, as the running commands choose it. */
final class StoreOptions {

    @Option(names = "--state", paramLabel = "URL", description = "The run-history store: jdbc:sqlite:FILE or a "
            + "PostgreSQL URL (default: $DATALOAD_STATE, else dataload.db in the log dir).")
    String state;

    @Option(names = "--log-dir", paramLabel = "DIR", defaultValue = "logs",
            description = "The log folder whose dataload.db is the default store (default: ${DEFAULT-VALUE}).")
    String logDir;

    @Option(names = {"-C", "--directory"}, paramLabel = "DIR", description = "Work from DIR (default: the current one).")
    Path directory;

    Path workDir() {
        return (directory == null ? Path.of("") : directory).toAbsolutePath();
    }

    String url() {
        return StateStore.urlFor(state, System.getenv(), workDir().resolve(logDir));
    }

    /** Whether the store is a SQLite file that does not exist yet (nothing was ever recorded there). */
    boolean missingFile() {
        String url = url();
        return url.startsWith("jdbc:sqlite:") && !Files.exists(Path.of(url.substring("jdbc:sqlite:".length())
                .replaceFirst("\\?.*", "")));
    }
}
