package io.dataload.config;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while reading or planning, so that all of them are reported at once. */
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
            throw new ConfigException(list);
        }
    }
}
