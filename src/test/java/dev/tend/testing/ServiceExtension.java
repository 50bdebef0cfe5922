package dev.tend.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Base of the server extensions: injects one shared handle of type {@code T} into test constructors, test methods
 * and lifecycle methods. The server starts on first use and lives in the root context's store, so every test
 * class of the run shares it; JUnit closes AutoCloseable store values when the run ends.
 */
abstract class ServiceExtension<T extends AutoCloseable> implements ParameterResolver {

    /** Starts the server; called at most once per run. */
    @FunctionalInterface
    interface Starter<T> {
        T start() throws Exception;
    }

    private final Class<T> handleType;
    private final Starter<T> starter;

    ServiceExtension(Class<T> handleType, Starter<T> starter) {
        this.handleType = handleType;
        this.starter = starter;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == handleType;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return handle(context);
    }

    /** The shared handle, starting the server if this is its first use in the run. */
    public T handle(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        // the key is the handle type, so PostgresExtension instances of different test classes share one server
        StartOnce<?> once = store.computeIfAbsent(handleType, type -> new StartOnce<>(handleType, starter), StartOnce.class);
        return handleType.cast(once.get());
    }

    /**
     * Holds the server and remembers a failed start: a server that could not start within its deadline is not
     * tried again by every following test, which would make a broken run take minutes per test.
     */
    private static final class StartOnce<T extends AutoCloseable> implements AutoCloseable {
        private final Class<T> handleType;
        private final Starter<T> starter;
        private T handle;
        private Exception failure;
        private boolean closed;

        StartOnce(Class<T> handleType, Starter<T> starter) {
            this.handleType = handleType;
            this.starter = starter;
        }

        synchronized T get() {
            if (closed) {
                throw new IllegalStateException(handleType.getSimpleName() + " was already stopped at the end of the run");
            }
            if (failure != null) {
                throw new IllegalStateException(handleType.getSimpleName() + " failed to start earlier in this run", failure);
            }
            if (handle == null) {
                long started = System.nanoTime();
                try {
                    handle = starter.start();
                } catch (Exception e) {
                    failure = e;
                    throw new IllegalStateException(handleType.getSimpleName() + " failed to start", e);
                }
                System.out.printf("[tend-harness] %s started in %d ms: %s%n",
                        handleType.getSimpleName(), (System.nanoTime() - started) / 1_000_000, handle);
            }
            return handle;
        }

        @Override
        public synchronized void close() {
            closed = true;
            if (handle == null) {
                return;
            }
            try {
                handle.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("could not stop " + handle, e);
            }
        }
    }
}
