package io.dataload.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects problems while reading or planning, so that all are reported at once, in file order. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

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
            list.sort(Comparator.comparing((Problem p) -> p.location().file())
                    .thenComparingInt(p -> p.location().line())
                    .thenComparingInt(p -> p.location().column()));
            throw new ConfigException(list);
        }
    }
}
