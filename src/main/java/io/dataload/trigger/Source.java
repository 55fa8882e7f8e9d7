package io.dataload.trigger;

import java.time.Duration;
import java.util.List;

/** Where arrivals come from: a folder polled, or a queue long-polled. */
public interface Source {
    /** A name for the ledger and the history: the folder's absolute path, or the queue's URL. */
    String name();

    /** What is ready now, waiting at most {@code wait} for something to arrive. */
    List<Arrival> poll(Duration wait) throws Exception;

    /** An arrival's run is still going (a queue keeps the message hidden). */
    default void stillRunning(Arrival arrival) {
    }

    /** The arrival's run succeeded and is recorded: archive the file, delete the message. */
    void succeeded(Arrival arrival) throws Exception;

    /** The arrival is already done (a duplicate): drop what is left of it (a duplicate message). */
    default void duplicate(Arrival arrival) {
    }

    /** The arrival's run failed: leave it where it is. */
    default void failed(Arrival arrival) {
    }
}
