package dev.tend.check;

/** How a check came out, in increasing order of concern for {@link #worst}. */
public enum Status {
    OK, UNKNOWN, WARN, CRIT;

    public static Status worst(Status a, Status b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public boolean isOk() {
        return this == OK;
    }
}
