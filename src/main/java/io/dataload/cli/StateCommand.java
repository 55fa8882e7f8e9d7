package io.dataload.cli;

import io.dataload.state.StateException;
import io.dataload.state.StateStore;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dataload state show|reset ACTIONS.json ENTRY ACTION}: where an incremental extract has got to, or rewinding it. */
@Command(name = "state", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Shows or resets the watermarks of the incremental extracts of ACTIONS.json ACTION.",
            "`show`: where they have got to; `reset`: rewinds ENTRY's, so that its next run reads from the "
                + "beginning (or its start) again."})
public final class StateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "show|reset", description = "show or reset.")
    String verb;

    @Parameters(index = "1", paramLabel = "ACTIONS.json", description = "The action file.")
    String actionFile;

    @Parameters(index = "2", paramLabel = "ENTRY", description = "The entry (for show: or * for all).")
    String entry;

    @Parameters(index = "3", paramLabel = "ACTION", description = "The action (extract).")
    String action;

    @Override
    public Integer call() {
        PrintWriterPair io = new PrintWriterPair(spec);
        if (!verb.equals("show") && !verb.equals("reset")) {
            return io.usage("the first argument is show or reset, found " + verb);
        }
        String file = store.workDir().resolve(actionFile).toAbsolutePath().normalize().toString();
        if (store.missingFile()) {
            io.out().println("No watermark recorded yet (no run history in " + store.url() + ").");
            io.out().flush();
            return ExitCodes.SUCCESS;
        }
        try (StateStore history = StateStore.open(store.url())) {
            if (verb.equals("reset")) {
                int removed = history.resetWatermarks(file, entry, action);
                io.out().println(removed == 0 ? "No watermark of " + entry + " " + action + " in " + actionFile + "."
                        : "Reset " + entry + " " + action + " in " + actionFile + ": its next run starts from the beginning"
                                + " (or its start).");
            } else {
                var marks = history.watermarks(file, action).stream()
                        .filter(mark -> entry.equals("*") || mark.entry().equals(entry)).toList();
                if (marks.isEmpty()) {
                    io.out().println("No watermark of " + entry + " " + action + " in " + actionFile
                            + " yet: its next run reads from the beginning (or its start).");
                }
                for (var mark : marks) {
                    io.out().println(mark.entry() + " " + mark.action() + " -> " + Path.of(mark.target()).getFileName()
                            + ": after (" + String.join(", ", mark.columns()) + ") = (" + String.join(", ",
                            mark.values().stream().map(v -> v == null ? "null" : v).toList()) + ")");
                }
            }
            io.out().flush();
            return ExitCodes.SUCCESS;
        } catch (StateException | SQLException e) {
            return io.failed(e.getMessage());
        }
    }
}
