package dev.tend.backup;

/** Cleanup that must also happen on Ctrl-C or SIGTERM; closing the handle withdraws it. */
final class ShutdownHooks {
    private ShutdownHooks() {}

    static AutoCloseable register(String what, Runnable cleanup) {
        var hook = new Thread(() -> {
            try {
                cleanup.run();
            } catch (RuntimeException ignored) {
                // best effort while the JVM exits; the next run removes what is left
            }
        }, what);
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running now
            }
        };
    }

    static void closeQuietly(AutoCloseable handle) {
        try {
            handle.close();
        } catch (Exception ignored) {
            // withdrawing a hook cannot fail in a way worth reporting
        }
    }
}
