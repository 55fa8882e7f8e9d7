package io.dataload.plan;

import io.dataload.config.ActionSpec;
import io.dataload.config.TableEntry;
import io.dataload.db.CopyJob;
import io.dataload.config.CsvDialect;
import java.nio.file.Path;

/**
 * One entry's action, checked and resolved: the script's text with placeholders applied; for an
 * extract, its CSV dialect and target file; for a copy, the resolved bulk load.
 */
public record PlannedAction(
        TableEntry entry,
        ActionSpec spec,
        ActionKind kind,
        String scriptDisplay,
        String script,
        CsvDialect csv,
        Path extractTarget,
        CopyJob copy) {

    public String name() {
        return entry.name();
    }
}
