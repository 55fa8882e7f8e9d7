package io.dataload.execute;

import io.dataload.config.ChainRun;
import io.dataload.record.AttemptResult;
import java.util.List;

/**
 * Counts of a finished run of one file, each entry's result (its last attempt), every attempt in
 * the order they ended, and the chained runs its handlers asked for; the run succeeded when nothing
 * failed.
 */
public record RunOutcome(int done, int ignored, int failed, int notRun, List<Chained> chained,
        List<AttemptResult> entries, List<AttemptResult> attempts, boolean badInput) {

    /** A run a handler asked for, and which handler (OnSuccess, OnError...). */
    public record Chained(ChainRun chain, String by) {
    }

    public boolean success() {
        return failed == 0;
    }

    @Override
    public String toString() {
        return done + " done, " + ignored + " ignored, " + failed + " failed, " + notRun + " not run";
    }
}
