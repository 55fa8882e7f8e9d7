package io.dataload.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Hands out one connection per running SQL action, with autocommit off. */
public interface ConnectionSource extends AutoCloseable {

    Dialect dialect();

    /** Where connections go, for messages: the URL with any password masked. */
    default String describe() {
        return "the database";
    }

    /** A connection with autocommit off; the caller closes it. */
    Connection open() throws SQLException;

    /** Another connection if one is free now (null when the pool has none to spare: no waiting). */
    default Connection tryOpen() throws SQLException {
        return null;
    }

    @Override
    void close();
}
