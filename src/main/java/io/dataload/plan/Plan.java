package io.dataload.plan;

import io.dataload.config.ActionFile;
import io.dataload.config.Mode;
import java.nio.file.Path;
import java.util.List;

/** A checked run: which entries run the action, in what mode, and how placeholders resolve. */
public record Plan(
        ActionFile file,
        String action,
        Mode mode,
        int attempt,
        String startingTable,
        List<PlannedAction> actions,
        PlaceholderResolver resolver,
        Path workDir) {

    /** Whether any action needs a database connection. */
    public boolean needsDatabase() {
        return actions.stream().anyMatch(a -> a.kind() != ActionKind.EXEC);
    }

    /** The connections a parallel run would use by the Python wrappers' rule. */
    public int defaultPoolSize() {
        return mode == Mode.PARALLEL ? Math.max(1, actions.size()) : 1;
    }
}
