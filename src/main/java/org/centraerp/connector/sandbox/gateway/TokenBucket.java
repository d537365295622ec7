package org.centraerp.connector.sandbox.gateway;

import java.time.Duration;

/**
 * A token bucket that refills continuously: {@code quota} tokens per {@code interval}. The complexity bucket may go
 * below zero (a query's complexity is known only after it ran), which then blocks requests until it refills.
 * Not thread-safe by itself; {@link RateLimiter} serialises access.
 */
final class TokenBucket {

    private final long quota;
    private final double tokensPerNano;
    private double tokens;
    private long updatedAt;

    TokenBucket(long quota, Duration interval, long now) {
        this.quota = quota;
        this.tokensPerNano = (double) quota / interval.toNanos();
        this.tokens = quota;
        this.updatedAt = now;
    }

    long quota() {
        return quota;
    }

    double available(long now) {
        refill(now);
        return tokens;
    }

    void take(double amount, long now) {
        refill(now);
        tokens -= amount;
    }

    /** Time until {@code amount} tokens are in the bucket (zero if they already are). */
    Duration timeUntil(double amount, long now) {
        refill(now);
        if (tokens >= amount) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((amount - tokens) / tokensPerNano));
    }

    private void refill(long now) {
        tokens = Math.min(quota, tokens + (now - updatedAt) * tokensPerNano);
        updatedAt = now;
    }
}
