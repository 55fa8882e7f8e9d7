package io.dataload.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects problems while reading or planning, so that all are reported at once, in file order. */
public final class Problems {
    private static final Comparator<Problem> IN_FILE_ORDER = Comparator.comparing((Problem p) -> p.location().file())
            .thenComparingInt(p -> p.location().line())
            .thenComparingInt(p -> p.location().column());

    private final List<Problem> list = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    /** Something that runs but is probably not what was meant (a misspelt key). */
    public void warn(Location location, String message) {
        warnings.add(new Problem(location, "warning: " + message));
    }

    public List<Problem> warnings() {
        return warnings.stream().sorted(IN_FILE_ORDER).toList();
    }

    public void add(Location location, String message) {
        list.add(new Problem(location, message));
    }

    public void addAll(List<Problem> problems) {
        list.addAll(problems);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** Throws when anything was collected. */
    public void throwIfAny() throws ConfigException {
        if (!list.isEmpty()) {
            list.sort(IN_FILE_ORDER);
            throw new ConfigException(list);
        }
    }
}
