package dev.tend.redis;

import dev.tend.check.UnexpectedAnswerException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/** Opens every Redis connection Tend makes, always with connect and read timeouts. */
public final class RedisConnector {
    private RedisConnector() {}

    public static Jedis open(RedisTarget target, Duration timeout) {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        var config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis)
                .socketTimeoutMillis(millis)
                .blockingSocketTimeoutMillis(millis)
                .database(target.database())
                .ssl(target.tls())
                .clientName("tend")
                .protocol(redis.clients.jedis.RedisProtocol.RESP2); // RESP2 is all we need and every server speaks it
        if (target.tls()) {
            var ssl = new javax.net.ssl.SSLParameters();
            ssl.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host, as for HTTPS
            config.sslParameters(ssl);
        }
        target.user().ifPresent(config::user);
        target.password().ifPresent(secret -> config.password(secret.reveal()));
        var jedis = new Jedis(new HostAndPort(target.host(), target.port()), config.build());
        jedis.connect();
        return jedis;
    }

    /** INFO's "key:value" lines as a map. */
    public static Map<String, String> info(Jedis jedis, String section) {
        var values = new HashMap<String, String>();
        for (var line : jedis.info(section).split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) values.put(line.substring(0, colon), line.substring(colon + 1).strip());
        }
        return values;
    }

    /** A numeric INFO field; its absence (a Redis-compatible server that lacks it) makes the check UNKNOWN. */
    public static long number(Map<String, String> info, String key) {
        return Long.parseLong(field(info, key));
    }

    public static String field(Map<String, String> info, String key) {
        var value = info.get(key);
        if (value == null) throw new UnexpectedAnswerException("the server's INFO has no " + key);
        return value;
    }
}
