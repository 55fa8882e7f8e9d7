package io.dataload.cli;

import io.dataload.output.FileRows;
import io.dataload.output.Lake;
import io.dataload.output.Manifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dataload lake}: the partitions of a lake folder or S3 prefix, with their files and rows. */
@Command(name = "lake", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Lists the partitions under LOCATION with their current files, rows and bytes.",
            "Current files are those each partition's _manifest.json names (every data file where there is none); "
                + "rows come from the manifest, or are counted in the files."})
public final class LakeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LOCATION", description = "A folder of partition folders, or s3://bucket/prefix.")
    String location;

    @Option(names = {"-C", "--directory"}, paramLabel = "DIR", description = "Work from DIR (default: the current one).")
    Path directory;

    @Override
    public Integer call() {
        PrintWriterPair io = new PrintWriterPair(spec);
        LakeLocation.Opened opened = LakeLocation.open(location, (directory == null ? Path.of("") : directory)
                .toAbsolutePath(), io);
        if (opened.lake() == null) {
            return opened.exit();
        }
        Lake lake = opened.lake();
        try (lake) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"PARTITION", "FILES", "ROWS", "BYTES"});
            long files = 0;
            long total = 0;
            long bytes = 0;
            for (Map.Entry<String, List<Lake.LakeFile>> partition : lake.listing().entrySet()) {
                Manifest manifest = lake.manifest(partition.getKey());
                Map<String, Manifest.Entry> listed = manifest == null ? null : manifest.index();
                long count = 0;
                long size = 0;
                long partitionRows = 0;
                for (Lake.LakeFile file : partition.getValue()) {
                    Manifest.Entry entry = listed == null ? null : listed.get(file.name());
                    if (manifest != null && entry == null) {
                        continue; // not current: being committed, or left by a run that did not finish
                    }
                    long fileRows = entry != null && entry.rows() != null ? entry.rows()
                            : FileRows.count(lake, partition.getKey(), file.name());
                    count++;
                    size += file.size();
                    partitionRows += Math.max(0, fileRows);
                }
                rows.add(new String[] {partition.getKey().isEmpty() ? "." : partition.getKey(), String.valueOf(count),
                    String.valueOf(partitionRows), String.valueOf(size)});
                files += count;
                total += partitionRows;
                bytes += size;
            }
            HistoryCommand.printAligned(io.out(), rows);
            io.out().println(String.format(Locale.ROOT, "%d partitions, %d files, %d rows, %.1f MB", rows.size() - 1, files,
                    total, bytes / 1048576.0));
            io.out().flush();
            return ExitCodes.SUCCESS;
        } catch (IOException e) {
            return io.failed("lake " + location + ": " + e.getMessage());
        }
    }
}
