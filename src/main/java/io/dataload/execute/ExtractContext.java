package io.dataload.execute;

import java.sql.SQLException;
import java.util.List;

/** What an extract needs from its run: the run's id (for #run_id#), the stored watermarks, and where to report a new one. */
public interface ExtractContext extends RunProgress {
    ExtractContext NONE = new ExtractContext() {
        @Override
        public String runId() {
            return "norun";
        }

        @Override
        public List<String> watermark(String entry, String action, String target) {
            return null;
        }
    };

    @Override
    String runId();

    /** The stored watermark of an extract of this run's file, or null before its first success. */
    List<String> watermark(String entry, String action, String target) throws SQLException;

    /**
     * What an extract wrote (file null: no new rows), for the run's manifest at {@code manifest}:
     * rows, bytes, SHA-256, and the window (null bounds for a full extract).
     */
    default void extracted(java.nio.file.Path manifest, String entry, java.nio.file.Path file, long rows, long bytes,
            String sha256, String from, String to) {
    }

    /**
     * Whether another run is known to have ended without success (failed, interrupted, abandoned):
     * a partitioned extract replaces its files of the same window. Unknown runs are not.
     */
    default boolean endedWithoutSuccess(String runId) {
        return false;
    }

    /** A new watermark, to be stored with the run's success (not before it). */
    default void advance(String entry, String action, String target, List<String> columns, List<String> values) {
    }
}
