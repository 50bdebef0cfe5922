package dev.tend.testing;

/**
 * Injects the run's shared {@link S3Server}:
 * {@code @ExtendWith(S3Extension.class)} and an {@code S3Server} parameter.
 */
public final class S3Extension extends ServiceExtension<S3Server> {

    public S3Extension() {
        super(S3Server.class, S3Server::start);
    }
}
