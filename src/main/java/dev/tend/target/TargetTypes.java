package dev.tend.target;

import dev.tend.check.http.HttpTargetType;
import dev.tend.check.tcp.TcpTargetType;
import dev.tend.check.tls.TlsTargetType;
import dev.tend.docker.DockerTargetType;
import dev.tend.host.HostTargetType;
import dev.tend.postgres.PostgresTargetType;
import dev.tend.redis.RedisTargetType;
import dev.tend.storage.S3TargetType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of target kinds: the one place a new kind is added. */
public final class TargetTypes {
    private final Map<String, TargetType> byName = new LinkedHashMap<>();

    public TargetTypes(List<TargetType> types) {
        types.forEach(type -> byName.put(type.name(), type));
    }

    public static TargetTypes builtIn() {
        return new TargetTypes(List.of(
                new PostgresTargetType(),
                new RedisTargetType(),
                new S3TargetType(),
                new HttpTargetType(),
                new TcpTargetType(),
                new TlsTargetType(),
                new HostTargetType(),
                new DockerTargetType()));
    }

    public Map<String, TargetType> byName() {
        return byName;
    }
}
