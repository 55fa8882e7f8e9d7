package io.dataload.execute;

/** How one entry's action ended for the run. */
public enum EntryOutcome {
    DONE, IGNORED, FAILED
}
