package dev.tend.testing;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A redis-server (Debian package redis-server) on 127.0.0.1 and a free port, without persistence. The default
 * user needs no password; the ACL user {@link #aclUser()} authenticates with {@link #aclPassword()}.
 * <p>Shared by every test of the run and stopped by the harness at its end: tests must not close it.
 */
public final class RedisServer extends LocalService {

    private static final String HOST = "127.0.0.1";
    private static final String BINARY = "/usr/bin/redis-server";
    private static final String ACL_USER = "tend";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final ManagedProcess process;
    private final int port;
    private final String aclPassword;

    private RedisServer(Path workDir, ManagedProcess process, int port, String aclPassword) {
        super(workDir);
        this.process = process;
        this.port = port;
        this.aclPassword = aclPassword;
    }

    static RedisServer start() {
        return start(List.of());
    }

    /**
     * A server of the test's own, for tests that change server-wide state (slowlog, active expiry,
     * its data directory); {@code options} are extra redis-server flags such as
     * {@code --enable-debug-command local}. The test closes it.
     */
    public static RedisServer own(String... options) {
        return start(List.of(options));
    }

    private static RedisServer start(List<String> options) {
        Commands.requireExecutable(BINARY, "redis-server");
        Path workDir = TempDirs.create("tend-redis");
        int port = FreePorts.next();
        var command = new java.util.ArrayList<>(List.of(BINARY,
                "--port", String.valueOf(port),
                "--bind", HOST,
                "--save", "",
                "--appendonly", "no",
                "--daemonize", "no",
                "--dir", workDir.toString()));
        command.addAll(options);
        ManagedProcess process = ManagedProcess.start("redis-server", command, workDir.resolve("redis.log"));
        RedisServer server = new RedisServer(workDir, process, port, Secrets.random("acl"));
        try {
            process.awaitReady(STARTUP_TIMEOUT, () -> {
                try (Jedis jedis = server.connect()) {
                    return "PONG".equals(jedis.ping());
                }
            });
            try (Jedis jedis = server.connect()) {
                jedis.aclSetUser(ACL_USER, "reset", "on", ">" + server.aclPassword, "~*", "&*", "+@all");
            }
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        ShutdownCleanup.register(server);
        return server;
    }

    public Jedis connect() {
        return new Jedis(HOST, port, DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(2_000)
                .socketTimeoutMillis(5_000)
                .autoNegotiateProtocol(false) // Jedis speaks RESP2 only; skips a warning per connection
                .build());
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:PORT}, for the default user (no password). */
    public String url() {
        return "redis://" + HOST + ":" + port;
    }

    /** The server's dir, where BGSAVE writes dump.rdb. */
    public Path dataDirectory() {
        return workDir;
    }

    /** An ACL user with all permissions that must send {@link #aclPassword()} (AUTH user password). */
    public String aclUser() {
        return ACL_USER;
    }

    public String aclPassword() {
        return aclPassword;
    }

    @Override
    protected void stop() throws Exception {
        process.close();
    }

    @Override
    public String toString() {
        return "RedisServer[" + url() + ", pid " + process.pid() + "]";
    }
}
