package org.centraerp.connector.sandbox.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.knobs.Knobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Centra's buckets: requests, mutations and query complexity, each per 10 s and per hour, shared by every token
 * (Centra limits per environment). A request passes when every bucket it draws from has enough tokens; the
 * complexity of an answered query is taken afterwards.
 */
@Component
@ConditionalOnSandboxEnabled
public class RateLimiter {

    /** The outcome of {@link #admit}: allowed, or how long to wait. */
    public record Admission(boolean allowed, Duration retryAfter) {
    }

    private final Knobs knobs;
    private final LongSupplier clock;
    private final Map<RateLimitType, Map<RateLimitInterval, TokenBucket>> buckets = new EnumMap<>(RateLimitType.class);
    private Object configuredFrom;

    @Autowired
    public RateLimiter(Knobs knobs) {
        this(knobs, System::nanoTime);
    }

    RateLimiter(Knobs knobs, LongSupplier clock) {
        this.knobs = knobs;
        this.clock = clock;
    }

    /** Takes one request (and {@code mutations} mutation tokens) if every bucket has room. */
    public synchronized Admission admit(int mutations) {
        if (!configure()) {
            return new Admission(true, Duration.ZERO);
        }
        long now = clock.getAsLong();
        Duration wait = Duration.ZERO;
        for (RateLimitInterval interval : RateLimitInterval.values()) {
            wait = max(wait, bucket(RateLimitType.REQUEST_COUNT, interval).timeUntil(1, now));
            // complexity debt blocks until the bucket is positive again
            wait = max(wait, bucket(RateLimitType.QUERY_COMPLEXITY, interval).timeUntil(Double.MIN_VALUE, now));
            if (mutations > 0) {
                wait = max(wait, bucket(RateLimitType.MUTATION_COUNT, interval).timeUntil(mutations, now));
            }
        }
        if (!wait.isZero()) {
            return new Admission(false, wait);
        }
        for (RateLimitInterval interval : RateLimitInterval.values()) {
            bucket(RateLimitType.REQUEST_COUNT, interval).take(1, now);
            bucket(RateLimitType.MUTATION_COUNT, interval).take(mutations, now);
        }
        return new Admission(true, Duration.ZERO);
    }

    public synchronized void takeComplexity(long complexity) {
        if (configure()) {
            long now = clock.getAsLong();
            for (RateLimitInterval interval : RateLimitInterval.values()) {
                bucket(RateLimitType.QUERY_COMPLEXITY, interval).take(complexity, now);
            }
        }
    }

    /** The six entries of the {@code rateLimits} query. Without limits (tier NONE) quotas read as Int max. */
    public synchronized List<RateLimitStatus> status() {
        boolean limited = configure();
        long now = clock.getAsLong();
        List<RateLimitStatus> entries = new ArrayList<>();
        for (RateLimitType type : RateLimitType.values()) {
            for (RateLimitInterval interval : RateLimitInterval.values()) {
                if (!limited) {
                    entries.add(new RateLimitStatus(type, interval, Integer.MAX_VALUE, 0, Integer.MAX_VALUE));
                    continue;
                }
                TokenBucket bucket = bucket(type, interval);
                long remaining = Math.max(0, (long) Math.floor(bucket.available(now)));
                entries.add(new RateLimitStatus(type, interval, bucket.quota(), bucket.quota() - remaining, remaining));
            }
        }
        return entries;
    }

    /** Full buckets again, e.g. after a reset or a knob change. */
    public synchronized void refill() {
        buckets.clear();
        configuredFrom = null;
    }

    /** (Re)builds the buckets when the knobs changed; false when limiting is off. */
    private boolean configure() {
        var current = knobs.current();
        if (current.rateLimitTier().unlimited()) {
            return false;
        }
        var key = List.of(current.rateLimitTier(), current.quotaOverrides());
        if (!key.equals(configuredFrom)) {
            long now = clock.getAsLong();
            buckets.clear();
            for (RateLimitType type : RateLimitType.values()) {
                var byInterval = new EnumMap<RateLimitInterval, TokenBucket>(RateLimitInterval.class);
                for (RateLimitInterval interval : RateLimitInterval.values()) {
                    byInterval.put(interval, new TokenBucket(current.quota(type, interval), interval.length(), now));
                }
                buckets.put(type, byInterval);
            }
            configuredFrom = key;
        }
        return true;
    }

    private TokenBucket bucket(RateLimitType type, RateLimitInterval interval) {
        return buckets.get(type).get(interval);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
