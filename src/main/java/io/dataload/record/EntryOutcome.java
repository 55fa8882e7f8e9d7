package io.dataload.record;

import java.util.Locale;

/** How one entry's action ended for the run. */
public enum EntryOutcome {
    DONE, IGNORED, FAILED, INTERRUPTED, NOT_RUN,
    /** Still going when the results were written: after kill -9, the entry was cut short. */
    RUNNING;

    /** The word used in the run-results file ("done", "not run"...). */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Whether {@code --resume} runs the entry again. */
    public boolean needsRerun() {
        return this == FAILED || this == INTERRUPTED || this == NOT_RUN || this == RUNNING;
    }
}
