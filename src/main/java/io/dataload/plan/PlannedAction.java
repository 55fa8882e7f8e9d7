package io.dataload.plan;

import io.dataload.config.CsvDialect;
import io.dataload.db.CopyJob;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One entry's action, checked and resolved: the script's text with placeholders applied, its timeout
 * (null: none), its success handlers and error policies, and what it writes or loads.
 */
public record PlannedAction(
        String name,
        ActionKind kind,
        String scriptDisplay,
        String script,
        Duration timeout,
        HookGroup onSuccess,
        OnErrorLevels onError,
        Target target,
        Fanout fanout,
        SlaPlan sla) {

    public PlannedAction(String name, ActionKind kind, String scriptDisplay, String script, Duration timeout,
            HookGroup onSuccess, OnErrorLevels onError, Target target) {
        this(name, kind, scriptDisplay, script, timeout, onSuccess, onError, target, null, null);
    }

    /** The same action run for each item of {@code fanout}. */
    public PlannedAction withFanout(Fanout each) {
        return new PlannedAction(name, kind, scriptDisplay, script, timeout, onSuccess, onError, target, each, sla);
    }

    /** The same action with an sla of its own (null: none). */
    public PlannedAction withSla(SlaPlan watch) {
        return new PlannedAction(name, kind, scriptDisplay, script, timeout, onSuccess, onError, target, fanout, watch);
    }

    /** The same action under another name (an item's: {@code events[a.json]}). */
    public PlannedAction named(String other) {
        return new PlannedAction(other, kind, scriptDisplay, script, timeout, onSuccess, onError, target, fanout, sla);
    }

    /** What an action reads or writes besides its script. */
    public sealed interface Target permits ScriptOnly, ExtractTo, CopyInto, RefreshTableau {
    }

    /** SQL and shell actions: the script is everything. */
    public record ScriptOnly() implements Target {
    }

    /**
     * An extract's CSV dialect, the file it writes (its name may still hold {@code #extract_from#},
     * {@code #extract_to#} and {@code #run_id#}, known only when it runs; with partitions, the folder
     * they go under), its output (format, compression, partitions) and its incremental window (null:
     * every row).
     */
    public record ExtractTo(CsvDialect csv, Path file, io.dataload.config.FileOutput output,
            io.dataload.config.Incremental incremental, String manifest) implements Target {
        public String format() {
            return output.format();
        }

        /** Placeholders an extract's file name may use, replaced when it runs. */
        public static final java.util.List<String> RUN_TIME_KEYS = java.util.List.of("extract_from", "extract_to", "run_id");
    }

    /** A native bulk load. */
    public record CopyInto(CopyJob job) implements Target {
    }

    /**
     * A Tableau refresh, its texts resolved: the server's base URL, the site's content URL ("" is the
     * default site), the project (null: any), what is refreshed ({@code datasource} or {@code workbook})
     * and its name, the REST API version, how long to wait and how often to ask, and the personal
     * access token (never printed).
     */
    public record RefreshTableau(String server, String site, String project, String kind, String name, String api,
            Duration waitFor, Duration poll, String tokenName, String tokenSecret) implements Target {
        @Override
        public String toString() {
            return kind + " " + name + (project == null ? "" : " in project " + project) + " on " + server
                    + (site.isEmpty() ? "" : " site " + site);
        }
    }

    /** The refresh of a {@code tableau} action. */
    public RefreshTableau tableau() {
        if (target instanceof RefreshTableau refresh) {
            return refresh;
        }
        throw new IllegalStateException(name + " is not a tableau refresh");
    }

    /** The extract target of an {@code extract} action. */
    public ExtractTo extract() {
        if (target instanceof ExtractTo extract) {
            return extract;
        }
        throw new IllegalStateException(name + " is not an extract");
    }

    /** The bulk load of a {@code copy} action. */
    public CopyJob copy() {
        if (target instanceof CopyInto copy) {
            return copy.job();
        }
        throw new IllegalStateException(name + " is not a copy");
    }
}
