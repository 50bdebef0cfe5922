package dev.tend.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Stops whatever is still running when the JVM exits without JUnit closing its store (System.exit, Ctrl-C,
 * a killed Surefire fork). Normally JUnit closes everything first and this finds nothing left to do.
 */
final class ShutdownCleanup {

    private static final Set<AutoCloseable> OPEN = Collections.synchronizedSet(new LinkedHashSet<>());

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ShutdownCleanup::closeAll, "tend-harness-cleanup"));
    }

    private ShutdownCleanup() {
    }

    static void register(AutoCloseable resource) {
        OPEN.add(resource);
    }

    static void unregister(AutoCloseable resource) {
        OPEN.remove(resource);
    }

    /** Newest first: a server handle registered after its process is closed before the process (docker rm needs dockerd). */
    private static void closeAll() {
        List<AutoCloseable> resources;
        synchronized (OPEN) {
            resources = new ArrayList<>(OPEN);
        }
        Collections.reverse(resources);
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("[tend-harness] cleanup of " + resource + " failed: " + e);
            }
        }
    }
}
