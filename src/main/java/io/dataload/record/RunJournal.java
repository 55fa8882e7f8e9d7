package io.dataload.record;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The record a run keeps of itself on disk, from before its first action to its end: the log,
 * written line by line as things happen (and rewritten grouped by entry, the Python tool's layout,
 * when the run ends), and the results file, rewritten whole each time an entry starts or ends.
 * A run killed with {@code kill -9} therefore leaves a log up to that moment and a results file
 * that says {@code running} — which {@code --resume} knows as unfinished.
 * <p>
 * The log is created new, never appended to and never through a symbolic link; its name is unique
 * per run (a second run in the same second gets {@code _2}). Both files are readable by their owner only.
 */
public final class RunJournal {
    private static final String CONTINUATION = "        ";
    private static final OpenOption[] CREATE_NEW = {StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS};

    private final Path logFile;
    private final Path resultsFile;
    private final String runLabel;
    private final Writer live;
    private Writer items;
    private String problem;
    private boolean closed;

    private RunJournal(Path logFile, Writer live, String runLabel) {
        this.logFile = logFile;
        this.resultsFile = RunResultsFile.pathFor(logFile);
        this.live = live;
        this.runLabel = runLabel;
    }

    /**
     * Creates the run's log in {@code dir} under {@code baseName}.log, or {@code baseName_2}.log … when
     * that name is taken (by another run, or by anything else: a file or a link is never reused).
     */
    public static RunJournal start(Path dir, String baseName, String runLabel) throws IOException {
        IoErrors.createDirectories(dir);
        for (int i = 1; i < 10_000; i++) {
            Path file = dir.resolve(baseName + (i == 1 ? "" : "_" + i) + ".log");
            if (Files.exists(RunResultsFile.pathFor(file), LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                Writer writer = Channels.newWriter(Files.newByteChannel(file, Set.of(CREATE_NEW), ownerOnly(dir)),
                        StandardCharsets.UTF_8);
                return new RunJournal(file, writer, runLabel);
            } catch (FileAlreadyExistsException e) {
                // taken: try the next name
            }
        }
        throw new IOException("no free log name for " + baseName + " in " + dir);
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    public Path logFile() {
        return logFile;
    }

    public Path resultsFile() {
        return resultsFile;
    }

    /** The first thing that could not be written, in words; null when all was. */
    public synchronized String problem() {
        return problem;
    }

    /** Appends one record to the live log. */
    public synchronized void record(LogRecord record) {
        if (closed) {
            return;
        }
        try {
            live.write(line(record, runLabel));
            live.flush();
        } catch (IOException e) {
            failed("could not write the log " + logFile, e);
        }
    }

    /**
     * Appends an item's outcome to the run's items file ({@code <log name>.items.jsonl}, one JSON line an
     * item, written as each ends): what {@code --resume} reads to run again only the items not done.
     */
    public synchronized void item(String entry, String item, AttemptResult result) {
        if (closed) {
            return;
        }
        try {
            if (items == null) {
                Path file = ItemsFile.pathFor(logFile);
                items = Channels.newWriter(Files.newByteChannel(file, Set.of(CREATE_NEW), ownerOnly(logFile.getParent())),
                        StandardCharsets.UTF_8);
            }
            items.write(ItemsFile.line(entry, item, result));
            items.flush();
        } catch (IOException e) {
            failed("could not write the items file of " + logFile, e);
        }
    }

    /** Rewrites the results file with the run as it stands. */
    public synchronized void results(RunSummary run) {
        try {
            RunResultsFile.write(resultsFile, run);
        } catch (IOException e) {
            failed("could not write the results " + resultsFile, e);
        }
    }

    /** Ends the record: the final results, and the log rewritten grouped by entry, each replacing its file in one step. */
    public synchronized void finish(ExecutionLog log, RunSummary run) {
        try {
            closed = true;
            live.close();
            if (items != null) {
                items.close();
            }
        } catch (IOException e) {
            failed("could not write the log " + logFile, e);
        }
        results(run);
        Path temporary = logFile.resolveSibling("." + logFile.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(temporary);
            try (Writer out = Channels.newWriter(Files.newByteChannel(temporary, Set.of(CREATE_NEW),
                    ownerOnly(logFile.getParent())), StandardCharsets.UTF_8)) {
                for (Map.Entry<String, List<LogRecord>> group : log.grouped().entrySet()) {
                    for (LogRecord record : group.getValue()) {
                        out.write(line(record, runLabel));
                    }
                }
            }
            Files.move(temporary, logFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            failed("could not save the log " + logFile, e);
        }
    }

    private void failed(String what, IOException e) {
        if (problem == null) {
            problem = what + ": " + IoErrors.describe(e);
        }
    }

    private static String line(LogRecord record, String runLabel) {
        String entry = record.entry() == null ? runLabel : record.entry();
        // a record's further lines (a script, a command's output) are indented under it
        return ExecutionLog.TIME.format(record.time()) + " [" + entry + "] "
                + record.text().replace("\n", "\n" + CONTINUATION) + "\n";
    }
}
