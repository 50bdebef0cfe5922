package dev.tend.alert;

/** The stable identity of an alert: its source and what it is about, e.g. {@code check:db/ping}. */
final class Fingerprints {
    private Fingerprints() {}

    static String check(String target, String check) {
        return "check:" + target + "/" + check;
    }
}
