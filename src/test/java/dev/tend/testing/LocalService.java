package dev.tend.testing;

import java.nio.file.Path;

/**
 * A server the harness started in its own work directory. Closing it is idempotent: the server is
 * stopped, its directory removed, and the JVM-exit safety net released, whatever fails on the way.
 */
abstract class LocalService implements AutoCloseable {
    protected final Path workDir;
    private boolean closed;

    LocalService(Path workDir) {
        this.workDir = workDir;
    }

    /** Stops the server's processes. */
    protected abstract void stop() throws Exception;

    /** Removes what the server left on disk; a subclass may keep files it cannot safely delete. */
    protected void cleanUp() {
        TempDirs.deleteQuietly(workDir);
    }

    @Override
    public final synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stop();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("could not stop " + this, e);
        } finally {
            cleanUp();
            ShutdownCleanup.unregister(this);
        }
    }
}
