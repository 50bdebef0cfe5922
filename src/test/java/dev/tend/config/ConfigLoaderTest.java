package dev.tend.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tend.check.http.HttpTarget;
import dev.tend.config.spec.ConfigProblem;
import dev.tend.host.HostTarget;
import dev.tend.postgres.PostgresTarget;
import dev.tend.registry.BuiltIn;
import dev.tend.target.TargetsSection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    static final String MINIMAL = """
            platform: { name: Lab, timezone: UTC }
            targets:
              - { name: db,    type: postgres, url: "postgresql://postgres@127.0.0.1:5432/app", password: "${env:PGPASSWORD}" }
              - { name: cache, type: redis,    url: "redis://127.0.0.1:6379" }
              - { name: api,   type: http,     url: "http://127.0.0.1:8000/health" }
              - { name: edge,  type: tls,      address: "127.0.0.1:443" }
              - { name: port,  type: tcp,      address: "127.0.0.1:5432" }
              - { name: host,  type: host,     volumes: ["/"] }
            """;

    private final ConfigLoader loader = BuiltIn.configLoader(Map.of("PGPASSWORD", "s3cr3t-pw")::get);

    @Test
    void theMinimalConfigOfTheIssueLoadsWithDefaults() throws Exception {
        var config = loader.parse(MINIMAL, Path.of("tend.yaml"));

        assertThat(TargetsSection.of(config)).extracting(t -> t.name()).containsExactly("db", "cache", "api", "edge", "port", "host");
        var db = (PostgresTarget) TargetsSection.named(config, "db").orElseThrow();
        assertThat(db.database()).isEqualTo("app");
        assertThat(db.user()).isEqualTo("postgres");
        assertThat(db.password().orElseThrow().reveal()).isEqualTo("s3cr3t-pw");
        assertThat(db.password().orElseThrow().toString()).isEqualTo("${env:PGPASSWORD}");
        assertThat(db.settings().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(db.connections().warn()).isEqualTo(80);
        var host = (HostTarget) TargetsSection.named(config, "host").orElseThrow();
        assertThat(host.disk()).isEqualTo(new HostTarget.DiskLevels(70, 80, 90));
        assertThat(((HttpTarget) TargetsSection.named(config, "api").orElseThrow()).latencyMillis().crit()).isEqualTo(3000);
        assertThat(config.store().isPostgres()).isFalse();
        assertThat(config.redactor().redact("error: s3cr3t-pw rejected")).isEqualTo("error: ****** rejected");
    }

    @Test
    void everyProblemIsReportedAtOnceWithLineAndColumn() {
        var text = """
                platform: { name: Lab }
                targets:
                  - name: db
                    type: postgres
                    url: "postgresql://postgres@127.0.0.1:5432/app"
                    pasword: "${env:PGPASSWORD}"
                  - name: db
                    type: redis
                    url: "redis://127.0.0.1:6379"
                    timeout: 5
                  - name: api
                    type: http
                    url: "http://127.0.0.1:8000/health"
                    dependsOn: [dbb]
                  - name: s3
                    type: s3
                    bucket: backups
                    accessKey: "${vault:minio}"
                    secretKey: "${env:MISSING_SECRET}"
                  - { name: x, type: postgress, url: "postgresql://h/db" }
                """;

        var problems = problems(text);

        assertThat(problems).extracting(ConfigProblem::line, ConfigProblem::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(6, 5),
                        org.assertj.core.groups.Tuple.tuple(7, 11),
                        org.assertj.core.groups.Tuple.tuple(10, 14),
                        org.assertj.core.groups.Tuple.tuple(14, 17),
                        org.assertj.core.groups.Tuple.tuple(18, 16),
                        org.assertj.core.groups.Tuple.tuple(19, 16),
                        org.assertj.core.groups.Tuple.tuple(20, 22));
        assertThat(problems.get(0).message()).isEqualTo("unknown key 'pasword'");
        assertThat(problems.get(0).hint()).isEqualTo("did you mean 'password'?");
        assertThat(problems.get(1).message()).isEqualTo("duplicate target name 'db'");
        assertThat(problems.get(1).hint()).contains("line 3");
        assertThat(problems.get(2).message()).contains("\"5\" is not a duration");
        assertThat(problems.get(3).message()).isEqualTo("no target named 'dbb'");
        assertThat(problems.get(3).hint()).isEqualTo("did you mean 'db'?");
        assertThat(problems.get(4).message()).isEqualTo("unknown secret source 'vault'");
        assertThat(problems.get(5).message()).isEqualTo("environment variable MISSING_SECRET is not set");
        assertThat(problems.get(6).message()).isEqualTo("unknown type 'postgress'");
        assertThat(problems.get(6).hint()).isEqualTo("did you mean 'postgres'?");
        assertThat(problems.get(0).format()).startsWith("tend.yaml:6:5: targets[0].pasword: unknown key 'pasword'");
    }

    @Test
    void wrongTypesAreNamed() {
        var problems = problems("""
                platform: { name: Lab }
                targets:
                  - { name: h, type: host, volumes: "/", disk: { warn: high } }
                  - { name: t, type: tcp, address: "localhost", concurrency: 0 }
                """);

        assertThat(problems).extracting(ConfigProblem::message).containsExactly(
                "expected a list of an absolute path, found the text \"/\"",
                "expected a number, found the text \"high\"",
                "\"localhost\" is not HOST:PORT",
                "0 is out of range");
    }

    @Test
    void aYamlSyntaxErrorPointsAtItsLine() {
        var problems = problems("""
                platform: { name: Lab }
                targets:
                  - { name: db, type: postgres, url: "postgresql://h/db"
                  - { name: cache, type: redis }
                """);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).message()).startsWith("YAML syntax error");
        assertThat(problems.get(0).line()).isEqualTo(4);
    }

    @Test
    void secretsInUrlsAreRefusedAndNeverEchoed() {
        var problems = problems("""
                platform: { name: Lab }
                targets:
                  - { name: db, type: postgres, url: "postgresql://app:hunter22@127.0.0.1/app" }
                store: { url: "postgresql://tend:hunter33@127.0.0.1/tend" }
                """);

        assertThat(problems).extracting(ConfigProblem::message).containsOnly("the URL contains a password");
        assertThat(problems).allSatisfy(problem -> assertThat(problem.format()).doesNotContain("hunter"));
    }

    @Test
    void dependencyCyclesAreRejected() {
        var problems = problems("""
                platform: { name: Lab }
                targets:
                  - { name: a, type: tcp, address: "127.0.0.1:1", dependsOn: [b] }
                  - { name: b, type: tcp, address: "127.0.0.1:2", dependsOn: [a] }
                """);

        assertThat(problems).singleElement().satisfies(problem -> assertThat(problem.message()).contains("cycle: a → b → a"));
    }

    @Test
    void thresholdsTheWrongWayRoundAreRejected() {
        var problems = problems("""
                platform: { name: Lab }
                targets:
                  - { name: edge, type: tls, address: "127.0.0.1:443", days: { warn: 7, crit: 30 } }
                  - { name: db, type: postgres, url: "postgresql://h/db", connections: { warn: 95, crit: 90 } }
                """);

        assertThat(problems).extracting(ConfigProblem::message)
                .containsExactly("warn must be above crit", "warn must be below crit");
    }

    @Test
    void aMissingFileSaysWhereItLooked() {
        assertThatThrownBy(() -> loader.load(Path.of("/nonexistent/tend.yaml")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems().get(0).format())
                        .startsWith("/nonexistent/tend.yaml:1:1: no configuration file here"));
    }

    @Test
    void aPostgresStoreIsConfiguredByUrl() throws Exception {
        var config = loader.parse("""
                platform: { name: Lab }
                targets: []
                store: { url: "postgresql://tend@127.0.0.1:5433/tend", password: "${env:PGPASSWORD}" }
                """, Path.of("tend.yaml"));

        assertThat(config.store().postgresUrl()).contains("jdbc:postgresql://127.0.0.1:5433/tend");
        assertThat(config.store().user()).contains("tend");
        assertThat(config.store().describe()).doesNotContain("s3cr3t");
    }

    @Test
    void aMissingOrMalformedPlatformIsALocatedErrorNotACrash() {
        assertThat(problems("targets: []\n")).extracting(ConfigProblem::message)
                .containsExactly("missing required key 'platform'");
        assertThat(problems("platform: x\ntargets: []\n")).extracting(ConfigProblem::message)
                .containsExactly("expected a mapping of name, timezone, found the text \"x\"");
        assertThat(problems("platform: { name: Lab, timezone: [a] }\ntargets: []\n")).extracting(ConfigProblem::message)
                .containsExactly("expected text, found a list");
    }

    @Test
    void serviceUrlsAreParsedStrictlyButAcceptComposeHostNames() throws Exception {
        var config = loader.parse("""
                platform: { name: Lab }
                targets:
                  - { name: db, type: postgres, url: "postgresql://app+ro@my_db:5433/mole%2Bcules?sslmode=require" }
                  - { name: cache, type: redis, url: "redis://redis_cache:6380/2" }
                """, Path.of("tend.yaml"));

        var db = (PostgresTarget) TargetsSection.named(config, "db").orElseThrow();
        assertThat(db.user()).isEqualTo("app+ro");
        assertThat(db.where()).isEqualTo("my_db:5433/mole+cules");
        assertThat(db.url().jdbcUrl()).isEqualTo("jdbc:postgresql://my_db:5433/mole%2Bcules?sslmode=require");
        var cache = (dev.tend.redis.RedisTarget) TargetsSection.named(config, "cache").orElseThrow();
        assertThat(cache.host()).isEqualTo("redis_cache");
        assertThat(cache.database()).isEqualTo(2);

        assertThat(problems("""
                platform: { name: Lab }
                targets:
                  - { name: a, type: postgres, url: "postgresql://u@h/100%" }
                  - { name: b, type: postgres, url: "postgresql://u@h/db?password=hunter22" }
                  - { name: c, type: postgres, url: "postgresql://u@h/db?sslmdoe=require" }
                  - { name: d, type: postgres, url: "postgresql://u@h:99999/db" }
                  - { name: e, type: redis, url: "redis://h/-1" }
                  - { name: f, type: tcp, address: "::1" }
                """)).extracting(ConfigProblem::message).containsExactly(
                        "the URL has a malformed %-escape",
                        "the URL contains a password",
                        "URL parameter 'sslmdoe' is not supported (allowed: sslcert, sslkey, sslmode, sslrootcert, targetServerType)",
                        "port 99999 is out of range (1-65535)",
                        "'-1' is not a database number",
                        "\"::1\" is not HOST:PORT");
    }

    @Test
    void pathsAreCheckedAndRelativeOnesResolveAgainstTheConfigFile() throws Exception {
        assertThat(problems("""
                platform: { name: Lab }
                targets:
                  - { name: h, type: host, volumes: ["/", "/"], directories: [{path: "/a\\0b"}, {path: relative}] }
                  - { name: d, type: docker, containers: [api, api] }
                """)).extracting(ConfigProblem::message).containsExactly(
                        "'/' is listed twice",
                        "not a valid path: Nul character not allowed",
                        "\"relative\" is not an absolute path",
                        "'api' is listed twice");

        var config = loader.parse("""
                platform: { name: Lab }
                targets: []
                store: { path: data/tend.db }
                """, Path.of("/etc/tend/tend.yaml"));
        assertThat(config.store().sqliteFile()).isEqualTo(Path.of("/etc/tend/data/tend.db"));
    }

    @Test
    void aTargetWithAnUnknownTypeCausesNoSecondErrorInItsDependents() {
        assertThat(problems("""
                platform: { name: Lab }
                targets:
                  - { name: b, type: reddis, url: "redis://h" }
                  - { name: a, type: tcp, address: "h:1", dependsOn: [b] }
                """)).extracting(ConfigProblem::message).containsExactly("unknown type 'reddis'");
    }

    @Test
    void aFileThatIsNotUtf8IsNamedAsSuch(@org.junit.jupiter.api.io.TempDir Path directory) throws Exception {
        var file = directory.resolve("tend.yaml");
        java.nio.file.Files.write(file, new byte[] {'p', 'l', (byte) 0xff, (byte) 0xfe, '\n'});

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems().get(0).message()).isEqualTo("the file is not UTF-8 text"));
    }

    @Test
    void secretFilesMustBeSmallRegularFiles(@org.junit.jupiter.api.io.TempDir Path directory) throws Exception {
        var secret = directory.resolve("pg-password");
        java.nio.file.Files.writeString(secret, "from-a-file\n");

        var config = loader.parse(ConfigLoaderTest.MINIMAL.replace("${env:PGPASSWORD}", "${file:" + secret + "}"), Path.of("tend.yaml"));
        assertThat(((PostgresTarget) TargetsSection.named(config, "db").orElseThrow()).password().orElseThrow().reveal()).isEqualTo("from-a-file");
        assertThat(problems(ConfigLoaderTest.MINIMAL.replace("${env:PGPASSWORD}", "${file:" + directory + "}")))
                .extracting(ConfigProblem::message).containsExactly("secret file " + directory + " does not exist or is not a regular file");
    }

    @Test
    void credentialsAreRefusedInEveryUrlWithoutEchoingThem() {
        var problems = problems("""
                platform: { name: Lab }
                targets:
                  - { name: a, type: postgres, url: "postgresql://u:se/cret@h/db" }
                  - { name: b, type: postgres, url: "postgresql://u:1234/x@h/db" }
                  - { name: c, type: redis, url: "redis://:pa/ss@h" }
                  - { name: d, type: s3, bucket: bkt, endpoint: "http://AKIAUSER:topsecretkey@127.0.0.1:9000" }
                  - { name: e, type: http, url: "http://user:hunter2@h/health" }
                  - { name: f, type: postgres, url: "postgresql://u@h/db?sslmode=require#x" }
                """);

        assertThat(problems).extracting(ConfigProblem::message).containsExactly(
                "the URL contains a password",
                "the URL contains a password",
                "the URL contains a password",
                "the URL contains credentials; they would end up in output and logs",
                "the URL contains credentials; they would end up in output and logs",
                "the URL has a #fragment, which a service URL cannot use");
        assertThat(problems).allSatisfy(problem -> assertThat(problem.format())
                .doesNotContain("se/cret").doesNotContain("1234").doesNotContain("pa/ss").doesNotContain("topsecret")
                .doesNotContain("hunter2"));
    }

    @Test
    void aTargetsOwnObjectionsAreReportedAlongsideItsShapeProblems() {
        assertThat(problems("""
                platform: { name: Lab }
                targets:
                  - { name: db, type: postgres, url: "postgresql://u:pw@h/db", colour: blue }
                  - { name: s3, type: s3, bucket: bkt, accessKey: "${env:UNSET_KEY}", secretKey: "${env:UNSET_SECRET}" }
                """)).extracting(ConfigProblem::message).containsExactly(
                        "the URL contains a password",
                        "unknown key 'colour'",
                        "environment variable UNSET_KEY is not set",
                        "environment variable UNSET_SECRET is not set");
    }

    @Test
    void schemesAreCaseInsensitiveAndComposeNamesStayOutOfHttp() throws Exception {
        var config = loader.parse(ConfigLoaderTest.MINIMAL.replace("postgresql://", "POSTGRESQL://"), Path.of("tend.yaml"));
        assertThat(TargetsSection.named(config, "db")).isPresent();

        assertThat(problems("""
                platform: { name: Lab }
                targets:
                  - { name: api, type: http, url: "http://my_api:8000/health" }
                  - { name: edge, type: tls, address: "127.0.0.1:443", serverName: my_host }
                """)).extracting(ConfigProblem::message).satisfiesExactly(
                        m -> assertThat(m).startsWith("the host name contains '_'"),
                        m -> assertThat(m).startsWith("'my_host' cannot be sent as a TLS server name"));
    }

    @Test
    void aNameUsedByATargetWithAnUnknownTypeIsStillADuplicate() {
        assertThat(problems("""
                platform: { name: Lab }
                targets:
                  - { name: b, type: reddis, url: "redis://h" }
                  - { name: b, type: tcp, address: "h:1" }
                """)).extracting(ConfigProblem::message).containsExactly("unknown type 'reddis'", "duplicate target name 'b'");
    }

    private List<ConfigProblem> problems(String text) {
        try {
            loader.parse(text, Path.of("tend.yaml"));
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected the config to be rejected");
    }
}
