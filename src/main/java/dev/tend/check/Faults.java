package dev.tend.check;

import tools.jackson.core.JacksonException;

/**
 * Failures that are Tend's own (a bug, an answer it could not read), told in words: such a result
 * is read by whoever is on call, so "NullPointerException" must become what went wrong, and the
 * class name is left to the debug log.
 */
final class Faults {
    private Faults() {}

    static boolean isOwn(Throwable failure) {
        return failure instanceof NullPointerException || failure instanceof ClassCastException
                || failure instanceof IndexOutOfBoundsException || failure instanceof NumberFormatException
                || failure instanceof ArithmeticException || failure instanceof UnsupportedOperationException
                || failure instanceof LinkageError || failure instanceof JacksonException
                || failure instanceof UnexpectedAnswerException;
    }

    /** The message worth showing: Jackson's without its location detail, a number parser's with the text it refused. */
    static String message(Throwable failure) {
        if (failure instanceof JacksonException json) return "the answer is not valid JSON: " + json.getOriginalMessage();
        if (failure instanceof NumberFormatException number && number.getMessage() != null) {
            return "expected a number, got " + number.getMessage().replaceFirst("^For input string: ", "");
        }
        // Generated messages of programming errors describe Java ("Cannot invoke String.length()"), not the target.
        if (failure instanceof NullPointerException || failure instanceof ClassCastException) return null;
        return failure.getMessage();
    }

    /** What kind of failure it was, for one that carries no message. */
    static String kind(Throwable failure) {
        if (failure instanceof NullPointerException) return "an error in Tend: a value it needed was missing";
        if (failure instanceof ClassCastException) return "an error in Tend: a value of an unexpected type";
        if (failure instanceof IndexOutOfBoundsException) return "an error in Tend: fewer items than it expected";
        if (failure instanceof LinkageError) return "Tend's installation is incomplete: a part of it could not be loaded";
        if (failure instanceof OutOfMemoryError) return "Tend ran out of memory";
        if (failure instanceof InterruptedException) return "interrupted";
        if (failure instanceof java.io.EOFException) return "the connection closed before the answer was complete";
        if (failure instanceof java.io.IOException) return "an input/output error without further detail";
        return "an error without further detail";
    }
}
