package io.dataload.execute;

import io.dataload.record.LogRecord;

/**
 * Live progress of a run session: the CLI prints it, a scheduler logs it, a worker heart-beats on
 * it. Called from the threads that run actions; implementations must be thread-safe and quick.
 */
public interface RunListener {

    /** A step of the execution log, already masked. */
    void record(LogRecord record);

    /** A listener that ignores everything (tests, quiet triggers). */
    static RunListener none() {
        return record -> { };
    }
}
