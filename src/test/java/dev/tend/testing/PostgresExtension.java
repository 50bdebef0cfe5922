package dev.tend.testing;

/**
 * Injects the run's shared {@link PostgresServer}:
 * {@code @ExtendWith(PostgresExtension.class)} and a {@code PostgresServer} parameter.
 */
public final class PostgresExtension extends ServiceExtension<PostgresServer> {

    public PostgresExtension() {
        super(PostgresServer.class, PostgresServer::start);
    }
}
