package dev.tend.load;

import java.util.Locale;
import java.util.Optional;

/**
 * The engine for plain http. On Linux with JDK 22 or later, {@link LoadEngine}s speak to the
 * kernel directly ({@code KernelLoad}, compiled for 22 in {@code src/main/java22}): NIO's channels
 * make 13 system calls per new connection where 6 do, and without keep-alive those calls were
 * the generator's cost (0.77-0.86× ab's requests/s). Elsewhere, and if it cannot load, NIO's
 * channels ({@link EventLoopLoad}). See docs/adr/0023-http-load-engine.md.
 */
final class LoadEngines {
    private LoadEngines() {}

    static LoadEngine plainHttp() {
        return Kernel.ENGINE.orElse(EventLoopLoad.ENGINE);
    }

    /** The kernel engine, when this JVM and system can run it. */
    static Optional<LoadEngine> kernel() {
        return Kernel.ENGINE;
    }

    private static final class Kernel {
        static final Optional<LoadEngine> ENGINE = load();

        private static Optional<LoadEngine> load() {
            var arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
            boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
            if (!linux || !(arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64")) || Runtime.version().feature() < 22) {
                return Optional.empty();
            }
            try {
                return Optional.of((LoadEngine) Class.forName("dev.tend.load.KernelLoad").getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                return Optional.empty(); // built on JDK 21 (no such class), or native access refused: NIO's channels do it
            }
        }
    }
}
