package dev.tend.store;

/** The store could not be opened or written: the message says which store and why. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
