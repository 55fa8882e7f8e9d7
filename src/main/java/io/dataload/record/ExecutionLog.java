package io.dataload.record;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The run's execution log, as the Python tool kept it: records per entry with step numbers,
 * printed at the end grouped by entry in step order. Thread-safe; every text is masked before it is
 * stored, and each record is also passed to a live listener (the console progress).
 */
public final class ExecutionLog {
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final SecretMasker masker;
    private final Consumer<LogRecord> live;
    private final List<LogRecord> records = new ArrayList<>();
    private final Map<String, Integer> steps = new HashMap<>();
    /** Entries whose records go to the live listener only (a fan-out's items: thousands of them). */
    private final java.util.Set<String> passing = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public ExecutionLog(SecretMasker masker, Consumer<LogRecord> live) {
        this.masker = masker;
        this.live = live;
    }

    /** Adds a record; {@code entry} null means the run itself. */
    public void add(String entry, String text) {
        add(entry, text, false);
    }

    /** Adds the resolved SQL or command text of a step. */
    public void detail(String entry, String text) {
        add(entry, text, true);
    }

    private void add(String entry, String text, boolean detail) {
        LogRecord record;
        if (entry != null && passing.contains(entry)) {
            // written to the live log as it happens, as a detail; not kept for the grouped log at the end
            live.accept(new LogRecord(entry, 0, LocalDateTime.now(), masker.mask(text), true));
            return;
        }
        synchronized (this) {
            int step = steps.merge(key(entry), 1, Integer::sum);
            record = new LogRecord(entry, step, LocalDateTime.now(), masker.mask(text), detail);
            records.add(record);
        }
        live.accept(record);
    }

    /**
     * Records of {@code entry} (one item of a fan-out) pass to the live log only until {@link #keep}:
     * a fan-out over 100,000 items keeps one line per item, not every line of every item.
     */
    public void passThrough(String entry) {
        passing.add(entry);
    }

    /** Records of {@code entry} are kept again. */
    public void keep(String entry) {
        passing.remove(entry);
    }

    public SecretMasker masker() {
        return masker;
    }

    /** Records grouped by entry (entries in order of first record, the run's own last), in step order. */
    public synchronized Map<String, List<LogRecord>> grouped() {
        Map<String, List<LogRecord>> groups = new LinkedHashMap<>();
        List<LogRecord> run = new ArrayList<>();
        for (LogRecord record : records) {
            if (record.entry() == null) {
                run.add(record);
            } else {
                groups.computeIfAbsent(record.entry(), k -> new ArrayList<>()).add(record);
            }
        }
        if (!run.isEmpty()) {
            groups.put(null, run);
        }
        return groups;
    }

    private static String key(String entry) {
        return entry == null ? "\0run" : entry;
    }
}
