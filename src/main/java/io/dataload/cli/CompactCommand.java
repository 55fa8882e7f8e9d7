package io.dataload.cli;

import io.dataload.config.Retry;
import io.dataload.output.Compactor;
import io.dataload.output.Lake;
import io.dataload.state.StateStore;
import io.dataload.state.StoredRun;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dataload compact}: merges the small files of each partition of a lake folder or S3 prefix. */
@Command(name = "compact", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Merges the small files of each partition under LOCATION into files near --target-size.",
            "Never across partitions, never files still being written or newer than --older-than, never files of a run "
                + "the run history does not know as succeeded. Each partition's _manifest.json names the current files: "
                + "the merged file replaces the small ones in one manifest replacement, then they are deleted."})
public final class CompactCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "LOCATION", description = "A folder of partition folders, or s3://bucket/prefix.")
    String location;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Only files of this format: avro, parquet or jsonl "
            + "(default: each format found, never mixed).")
    String format;

    @Option(names = "--target-size", paramLabel = "SIZE", defaultValue = "128MB",
            description = "The size merged files aim at, like 16MB, 128MB or 1GB (default: ${DEFAULT-VALUE}); files of at "
                    + "least half of it are left as they are.")
    String targetSize;

    @Option(names = "--older-than", paramLabel = "DURATION", defaultValue = "1h",
            description = "Only files last written longer ago than this, like 10m or 1h (default: ${DEFAULT-VALUE}; 0s: any).")
    String olderThan;

    @Override
    public Integer call() {
        PrintWriterPair io = new PrintWriterPair(spec);
        if (format != null && !List.of("avro", "parquet", "jsonl").contains(format.toLowerCase(Locale.ROOT))) {
            return io.usage("--format must be avro, parquet or jsonl, found " + format
                    + (format.equalsIgnoreCase("csv") ? " (CSV files have no schema to merge by; not compacted)" : ""));
        }
        long target = Compactor.parseSize(targetSize);
        if (target <= 0) {
            return io.usage("--target-size must be a size like 16MB, 128MB or 1GB, found " + targetSize);
        }
        Duration age = olderThan.strip().equals("0") ? Duration.ZERO : Retry.parseDuration(olderThan);
        if (age == null) {
            return io.usage("--older-than must be a duration like 10m or 1h (0s for any age), found " + olderThan);
        }
        LakeLocation.Opened opened = LakeLocation.open(location, store.workDir(), io);
        if (opened.lake() == null) {
            return opened.exit();
        }
        Lake lake = opened.lake();
        StateStore history = null;
        if (!store.missingFile()) {
            try {
                history = StateStore.open(store.url());
            } catch (io.dataload.state.StateException e) {
                io.err().println("dataload: the run history cannot be read (" + e.getMessage() + "); files of every run"
                        + " named in a manifest are merged");
            }
        }
        StateStore runs = history;
        Map<String, Boolean> known = new ConcurrentHashMap<>();
        Compactor compactor = new Compactor(new Compactor.Options(format == null ? null : format.toLowerCase(Locale.ROOT),
                target, age, run -> known.computeIfAbsent(run, r -> succeededOrUnknown(runs, r)), (step, partition) -> { }));
        try (lake) {
            List<Compactor.Merge> merges = compactor.compact(lake);
            int before = 0;
            int after = 0;
            long rows = 0;
            for (Compactor.Merge merge : merges) {
                before += merge.filesBefore();
                after += merge.filesAfter();
                rows += merge.rows();
                io.out().println((merge.partition().isEmpty() ? "." : merge.partition()) + ": " + merge.filesBefore()
                        + " files -> " + merge.filesAfter() + " (" + merge.rows() + " rows merged, "
                        + mb(merge.bytesBefore()) + " -> " + mb(merge.bytesAfter()) + ")"
                        + (merge.note() == null ? "" : "; " + merge.note()));
            }
            io.out().println(merges.isEmpty() ? "compact: nothing to merge under " + lake.describe()
                    : "compact: " + merges.size() + " partitions, " + before + " files -> " + after + ", " + rows
                    + " rows merged");
            io.out().flush();
            return ExitCodes.SUCCESS;
        } catch (IOException e) {
            return io.failed("compact " + location + ": " + e.getMessage());
        } finally {
            if (history != null) {
                history.close();
            }
        }
    }

    /** A run the history knows as failed, interrupted, abandoned or still running is not merged; an unknown one is. */
    private static boolean succeededOrUnknown(StateStore history, String runId) {
        if (history == null) {
            return true;
        }
        try {
            StoredRun run = history.run(runId);
            return run == null || "succeeded".equals(run.outcome());
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
}
