package dev.tend.cli;

import java.util.Optional;

/** Where a CLI change came from, for the audit log: the command line, and the OS user who ran it. */
final class AuditSource {
    private AuditSource() {}

    /** Records a change made through the CLI. */
    static void record(dev.tend.store.Database store, Main.Environment environment, String actor, String action, String detail) {
        new dev.tend.access.AuditLog(store).record(new dev.tend.access.AuditLog.Entry(environment.clock().instant(), actor, action, detail, cli(environment)));
    }

    static String cli(Main.Environment environment) {
        return "cli (" + loginName(environment) + ")";
    }

    /** $USER, else $LOGNAME, else the JVM's idea of the user (a shell under sudo or cron may set neither variable). */
    static String loginName(Main.Environment environment) {
        return Optional.ofNullable(environment.variables().apply("USER")).filter(name -> !name.isBlank())
                .or(() -> Optional.ofNullable(environment.variables().apply("LOGNAME")).filter(name -> !name.isBlank()))
                .orElseGet(() -> System.getProperty("user.name", "unknown"));
    }
}
