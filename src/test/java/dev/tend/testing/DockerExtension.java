package dev.tend.testing;

/**
 * Injects the run's shared {@link DockerEngine}:
 * {@code @ExtendWith(DockerExtension.class)} and a {@code DockerEngine} parameter.
 */
public final class DockerExtension extends ServiceExtension<DockerEngine> {

    public DockerExtension() {
        super(DockerEngine.class, DockerEngine::start);
    }
}
