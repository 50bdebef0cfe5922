package dev.tend.alert;

/**
 * Something Tend's own work reports, as opposed to a check result: a scheduled run that failed,
 * was missed or overran, a maintenance run that failed or rolled back. One report is enough: it
 * fires on the first bad one and resolves on the first good one. The fingerprint is
 * {@code source:subject/name}, e.g. {@code schedule:nightly-backup/run}.
 */
public record Signal(String source, String subject, String name, boolean bad, Severity severity, String reason) {

    public static Signal problem(String source, String subject, String name, Severity severity, String reason) {
        return new Signal(source, subject, name, true, severity, reason);
    }

    public static Signal cleared(String source, String subject, String name, String reason) {
        return new Signal(source, subject, name, false, Severity.WARNING, reason);
    }

    String fingerprint() {
        return source + ":" + subject + "/" + name;
    }
}
