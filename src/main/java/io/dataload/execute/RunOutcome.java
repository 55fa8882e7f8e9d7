package io.dataload.execute;

/** Counts of a finished run; the run succeeded when nothing failed. */
public record RunOutcome(int done, int ignored, int failed, int notRun) {

    public boolean success() {
        return failed == 0;
    }

    @Override
    public String toString() {
        return done + " done, " + ignored + " ignored, " + failed + " failed, " + notRun + " not run";
    }
}
