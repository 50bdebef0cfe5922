package dev.tend.testing;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * S3Mock (Adobe, 5.x) as its own JVM process, plain HTTP on 127.0.0.1 and a free port. It accepts any credentials;
 * {@link #accessKey()} and {@link #secretKey()} are what the harness's own client sends.
 * <p>Shared by every test of the run and stopped by the harness at its end: tests must not close it.
 */
public final class S3Server extends LocalService {

    private static final String HOST = "127.0.0.1";
    private static final String JAR_PROPERTY = "tend.s3mock.jar";
    private static final String ACCESS_KEY = "tend-test-access-key";
    private static final String SECRET_KEY = "tend-test-secret-key";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final ManagedProcess process;
    private final int port;
    private final S3Client client;

    private S3Server(Path workDir, ManagedProcess process, int port) {
        super(workDir);
        this.process = process;
        this.port = port;
        this.client = S3Client.builder()
                .endpointOverride(URI.create(endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .forcePathStyle(true) // bucket in the path: virtual-host style would need DNS for bucket.127.0.0.1
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30)))
                .overrideConfiguration(config -> config
                        .apiCallAttemptTimeout(Duration.ofSeconds(30))
                        .apiCallTimeout(Duration.ofSeconds(60)))
                .build();
    }

    static S3Server start() {
        Path jar = s3MockJar();
        Path workDir = TempDirs.create("tend-s3");
        Path javaTmp = workDir.resolve("tmp");
        try {
            Files.createDirectories(javaTmp);
        } catch (IOException e) {
            throw new IllegalStateException("could not create " + javaTmp, e);
        }
        Path loopback;
        try {
            loopback = S3MockLoopback.prepare(jar, workDir);
        } catch (IOException e) {
            throw new IllegalStateException("could not prepare S3Mock's loopback binding", e);
        }
        int port = FreePorts.next();
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagedProcess process = ManagedProcess.start("S3Mock", List.of(java,
                "-Xmx512m",
                // a short-lived server on 2 cores: C1 only and serial GC start it in ~4.5 s instead of ~8 s
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + javaTmp,
                "-Dloader.path=" + loopback,
                "-cp", jar.toString(), S3MockLoopback.LAUNCHER,
                // S3Mock's "server.port" is its main (normally HTTPS) connector, the one that honours
                // server.address; with SSL off it speaks plain HTTP on 127.0.0.1.
                "--server.address=" + HOST,
                "--server.port=" + port,
                "--server.ssl.enabled=false",
                // its second, always-HTTP connector: a random port, bound to 127.0.0.1 by the initializer
                "--http.port=0",
                "--com.adobe.testing.s3mock.store.root=" + workDir.resolve("store"),
                "--com.adobe.testing.s3mock.store.retain-files-on-exit=false",
                "--spring.main.banner-mode=off"),
                workDir.resolve("s3mock.log"),
                Map.of(),
                Duration.ofSeconds(15));
        try {
            awaitBucketListing(process, port);
            S3Server server = new S3Server(workDir, process, port);
            ShutdownCleanup.register(server);
            return server;
        } catch (RuntimeException e) {
            process.close();
            TempDirs.deleteQuietly(workDir);
            throw e;
        }
    }

    /** Ready means a real S3 call works: S3Mock initialises its controllers lazily, on the first request. */
    private static void awaitBucketListing(ManagedProcess process, int port) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpRequest listBuckets = HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + port + "/"))
                    .timeout(Duration.ofSeconds(10)).GET().build();
            process.awaitReady(STARTUP_TIMEOUT,
                    () -> http.send(listBuckets, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        }
    }

    private static Path s3MockJar() {
        String configured = System.getProperty(JAR_PROPERTY);
        // outside Maven (an IDE) the property is missing; the jar is still where the last Maven build put it
        Path jar = configured != null ? Path.of(configured) : Path.of("target", "test-tools", "s3mock-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Mock exec jar not found at " + jar.toAbsolutePath()
                    + ": run the tests through Maven (./mvnw test; maven-dependency-plugin copies it in"
                    + " generate-test-resources) or pass -D" + JAR_PROPERTY + "=/path/to/s3mock-exec.jar");
        }
        return jar;
    }

    /** The S3Mock JVM's pid, so tests can see what it listens on. */
    long pid() {
        return process.pid();
    }

    /** {@code http://127.0.0.1:PORT} */
    public String endpoint() {
        return "http://" + HOST + ":" + port;
    }

    public String accessKey() {
        return ACCESS_KEY;
    }

    public String secretKey() {
        return SECRET_KEY;
    }

    /** Creates the bucket unless it exists already. */
    public void createBucket(String name) {
        try {
            client.createBucket(request -> request.bucket(name));
        } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException alreadyThere) {
            // idempotent by design
        }
    }

    /** A shared, thread-safe client (path-style, us-east-1, with timeouts); closed with the server, do not close it. */
    public S3Client client() {
        return client;
    }

    @Override
    protected void stop() throws Exception {
        client.close();
        process.close();
    }

    @Override
    public String toString() {
        return "S3Server[" + endpoint() + ", pid " + process.pid() + "]";
    }
}
