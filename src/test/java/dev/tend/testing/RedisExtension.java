package dev.tend.testing;

/**
 * Injects the run's shared {@link RedisServer}:
 * {@code @ExtendWith(RedisExtension.class)} and a {@code RedisServer} parameter.
 */
public final class RedisExtension extends ServiceExtension<RedisServer> {

    public RedisExtension() {
        super(RedisServer.class, RedisServer::start);
    }
}
