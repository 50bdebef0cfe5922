package dev.tend.check;

/**
 * The target answered, but not in a form the check can read (a missing field, an odd status).
 * The runner reports it as UNKNOWN: Tend cannot judge, which is not the same as the target failing.
 */
public final class UnexpectedAnswerException extends RuntimeException {
    public UnexpectedAnswerException(String message) {
        super(message);
    }
}
