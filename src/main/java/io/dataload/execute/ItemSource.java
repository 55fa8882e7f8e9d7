package io.dataload.execute;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;

/**
 * The items of a fan-out, listed lazily: one at a time, so that 100,000 files or rows never sit in
 * memory together. {@link #next} returns null at the end.
 */
public interface ItemSource extends AutoCloseable {

    /** One item: the key it is known by in the log, the run history and {@code --resume}, and its placeholder values. */
    record Item(String key, Map<String, String> values) {
    }

    Item next() throws IOException, SQLException;

    @Override
    void close();
}
