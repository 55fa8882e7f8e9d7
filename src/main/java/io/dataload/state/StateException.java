package io.dataload.state;

/** The store cannot be opened or read; the message says which store and why (secrets masked). */
public final class StateException extends Exception {
    public StateException(String message, Throwable cause) {
        super(message, cause);
    }
}
