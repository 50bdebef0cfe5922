package dev.tend.testing;

/**
 * Injects the run's shared {@link NginxServer}:
 * {@code @ExtendWith(NginxExtension.class)} and an {@code NginxServer} parameter.
 */
public final class NginxExtension extends ServiceExtension<NginxServer> {

    public NginxExtension() {
        super(NginxServer.class, NginxServer::start);
    }
}
