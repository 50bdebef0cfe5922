package dev.tend.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed logins per client address, as a token bucket: {@link #BURST} failures at once, then one
 * more every {@link #REFILL}. It slows one address guessing across many names (the per-name
 * lockout stops guessing at one name) without locking anyone out: a person behind the same proxy
 * waits seconds, not minutes. Kept in memory per instance; at most {@link #ADDRESSES} addresses.
 */
final class LoginThrottle {
    static final int BURST = 10;
    static final Duration REFILL = Duration.ofSeconds(6);
    static final int ADDRESSES = 10_000;

    private record Bucket(double tokens, Instant at) {}

    private final Map<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > ADDRESSES;
        }
    };

    /** How long the address must wait before its next attempt, if it must. */
    synchronized Optional<Duration> waitFor(String address, Instant now) {
        var tokens = tokens(address, now);
        if (tokens >= 1) return Optional.empty();
        return Optional.of(Duration.ofMillis((long) Math.ceil((1 - tokens) * REFILL.toMillis())));
    }

    synchronized void failed(String address, Instant now) {
        buckets.put(address, new Bucket(Math.max(0, tokens(address, now) - 1), now));
    }

    private double tokens(String address, Instant now) {
        var bucket = buckets.get(address);
        if (bucket == null) return BURST;
        double refilled = Math.max(0, Duration.between(bucket.at(), now).toMillis()) / (double) REFILL.toMillis();
        return Math.min(BURST, bucket.tokens() + refilled);
    }
}
