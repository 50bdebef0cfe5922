package dev.tend.testing;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
import software.amazon.awssdk.services.s3.model.Bucket;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Proves each harness server is up and behaves as its handle promises. */
@ExtendWith({PostgresExtension.class, RedisExtension.class, S3Extension.class, NginxExtension.class, DockerExtension.class})
class HarnessSmokeTest {

    private static PostgresServer postgresFromBeforeAll;

    @BeforeAll
    static void injectIntoBeforeAll(PostgresServer postgres) {
        postgresFromBeforeAll = postgres;
    }

    @Test
    void oneServerPerRunIsSharedAcrossInjectionPoints(PostgresServer postgres) {
        assertThat(postgres).isSameAs(postgresFromBeforeAll);
    }

    @Test
    void postgresTrustsTheSuperuserAndChecksEveryoneElsesPassword(PostgresServer postgres) throws SQLException {
        postgres.createDatabase("smoke");
        postgres.createDatabase("smoke"); // idempotent
        postgres.execute("smoke", "CREATE TABLE IF NOT EXISTS probe (id int)");

        try (Connection connection = postgres.connect("smoke");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT 1, current_user")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isEqualTo(1);
            assertThat(result.getString(2)).isEqualTo("postgres");
        }
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("smoke"), postgres.passwordUser(), postgres.password());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT current_user")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("tend_pw");
        }
        assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl("smoke"), postgres.passwordUser(), "wrong-password"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
        assertThat(postgres.url("smoke")).isEqualTo("postgresql://postgres@127.0.0.1:" + postgres.port() + "/smoke");
        assertThat(postgres.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void redisAnswersPingAndAuthenticatesTheAclUser(RedisServer redis) {
        assertThat(redis.url()).isEqualTo("redis://127.0.0.1:" + redis.port());
        try (Jedis jedis = new Jedis(URI.create(redis.url()), DefaultJedisClientConfig.builder().autoNegotiateProtocol(false).build())) {
            assertThat(jedis.ping()).isEqualTo("PONG");
        }
        try (Jedis jedis = new Jedis(redis.host(), redis.port(), DefaultJedisClientConfig.builder()
                .user(redis.aclUser()).password(redis.aclPassword()).autoNegotiateProtocol(false).build())) {
            assertThat(jedis.aclWhoAmI()).isEqualTo("tend");
            jedis.set("smoke", "ok");
            assertThat(jedis.get("smoke")).isEqualTo("ok");
        }
        try (Jedis jedis = new Jedis(redis.host(), redis.port(), DefaultJedisClientConfig.builder().autoNegotiateProtocol(false).build())) {
            assertThatThrownBy(() -> jedis.auth(redis.aclUser(), "wrong-password"))
                    .isInstanceOf(JedisDataException.class)
                    .hasMessageContaining("WRONGPASS");
        }
    }

    @Test
    void s3MockListensOnLoopbackOnly(S3Server s3) throws Exception {
        // S3Mock opens two connectors; the second would bind every interface without S3MockLoopback.
        var addresses = ListeningSockets.of(s3.pid());

        assertThat(addresses).hasSize(2).allSatisfy(address -> assertThat(address).startsWith("127.0.0.1:"));
    }

    @Test
    void s3CreatesAndListsBuckets(S3Server s3) {
        assertThat(s3.endpoint()).startsWith("http://127.0.0.1:");
        assertThat(s3.accessKey()).isNotBlank();
        assertThat(s3.secretKey()).isNotBlank();
        s3.createBucket("tend-smoke");
        s3.createBucket("tend-smoke"); // idempotent
        assertThat(s3.client().listBuckets().buckets()).extracting(Bucket::name).contains("tend-smoke");
    }

    @Test
    void nginxServesHealthDownAndHttps(NginxServer nginx) throws Exception {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> health = http.send(get(nginx.httpUrl("/health")), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"ok\",\"database\":{\"ok\":true}}");
            assertThat(health.headers().firstValue("Content-Type")).hasValue("application/json");

            HttpResponse<String> down = http.send(get(nginx.httpUrl("/down")), HttpResponse.BodyHandlers.ofString());
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).isEqualTo("down");

            HttpResponse<String> root = http.send(get(nginx.httpUrl("/")), HttpResponse.BodyHandlers.ofString());
            assertThat(root.statusCode()).isEqualTo(200);
            assertThat(root.body()).isEqualTo("Welcome to Tend test nginx");

            // the JDK's default trust store does not know the self-signed certificate
            assertThatThrownBy(() -> http.send(get(nginx.httpsUrl("/health")), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
        }
        try (HttpClient https = HttpClient.newBuilder().sslContext(trustingOnly(nginx))
                .connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> health = https.send(get(nginx.httpsUrl("/health")), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"");
        }
        assertThat(nginx.certificateNotAfter())
                .isAfter(Instant.now().plus(Duration.ofDays(89)))
                .isBefore(Instant.now().plus(Duration.ofDays(91)));
    }

    @Test
    void dockerRunsHealthyContainersAndCreatesStoppedOnes(DockerEngine docker) {
        String healthy = "smoke-healthy-" + UUID.randomUUID().toString().substring(0, 8);
        String id = docker.runContainer(healthy, "--health-cmd", "true", "--health-interval", "1s");
        assertThat(id).matches("[0-9a-f]{64}");
        assertThat(docker.docker("inspect", "-f", "{{.HostConfig.NetworkMode}}", healthy)).isEqualTo("none");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(docker.docker("inspect", "-f", "{{.State.Status}}", healthy)).isEqualTo("running"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(docker.docker("inspect", "-f", "{{.State.Health.Status}}", healthy)).isEqualTo("healthy"));

        String created = "smoke-created-" + UUID.randomUUID().toString().substring(0, 8);
        docker.docker("create", "--network", "none", "--name", created, docker.image(), "sleep", "3600");
        assertThat(docker.docker("inspect", "-f", "{{.State.Status}} {{.State.Running}}", created)).isEqualTo("created false");

        assertThatThrownBy(() -> docker.runContainer("smoke-networked", "--network", "host"))
                .isInstanceOf(IllegalArgumentException.class);
        docker.docker("rm", "-f", healthy, created);
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
    }

    /** A TLS context whose only trust anchor is the nginx certificate. */
    private static SSLContext trustingOnly(NginxServer nginx) throws Exception {
        KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
        trustStore.load(null, null);
        try (InputStream pem = Files.newInputStream(nginx.certificatePem())) {
            trustStore.setCertificateEntry("tend-nginx", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
