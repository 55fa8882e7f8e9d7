package io.dataload.execute;

import io.dataload.config.ChainRun;
import java.util.List;

/**
 * Counts of a finished run, each entry's result, and the chained runs its handlers asked for; the
 * run succeeded when nothing failed.
 */
public record RunOutcome(int done, int ignored, int failed, int notRun, List<ChainRun> chained,
        List<EntryResult> entries) {

    public boolean success() {
        return failed == 0;
    }

    @Override
    public String toString() {
        return done + " done, " + ignored + " ignored, " + failed + " failed, " + notRun + " not run";
    }
}
