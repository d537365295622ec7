package org.centraerp.connector.bench;

import org.centraerp.connector.sandbox.gateway.RateLimitInterval;
import org.centraerp.connector.sandbox.gateway.RateLimitTier;
import org.centraerp.connector.sandbox.gateway.RateLimitType;

/**
 * The least time a Centra tier allows an amount of calls: per bucket (requests, mutations, complexity) the amount
 * over its rate in the 10-second window, and what goes past the hourly quota over the hourly rate; the slowest
 * bucket decides. For benchmarks, which print it next to the connector's time. This is Centra's token bucket
 * (capacity the hourly quota, refilled continuously), which the client's limiter keeps for the hourly window too
 * ({@code CentraRateLimiter.of}: {@code Window.refills}), so the client can reach the bound.
 */
public final class RateLimitBound {

    private RateLimitBound() {
    }

    /** What a run sent: requests, mutations among them, and the complexity of the answers. */
    public record Sent(long requests, long mutations, long complexity) {
    }

    /** Seconds. */
    public static double seconds(Sent sent, RateLimitTier tier) {
        return Math.max(bucket(sent.requests(), tier, RateLimitType.REQUEST_COUNT),
                Math.max(bucket(sent.mutations(), tier, RateLimitType.MUTATION_COUNT),
                        bucket(sent.complexity(), tier, RateLimitType.QUERY_COMPLEXITY)));
    }

    /** The bucket that decides the bound, e.g. "mutations". */
    public static String decidedBy(Sent sent, RateLimitTier tier) {
        double requests = bucket(sent.requests(), tier, RateLimitType.REQUEST_COUNT);
        double mutations = bucket(sent.mutations(), tier, RateLimitType.MUTATION_COUNT);
        double complexity = bucket(sent.complexity(), tier, RateLimitType.QUERY_COMPLEXITY);
        String hourly = hourly(sent, tier) ? ", hourly quota" : "";
        if (mutations >= requests && mutations >= complexity) {
            return "mutations" + hourly;
        }
        return (requests >= complexity ? "requests" : "complexity") + hourly;
    }

    private static boolean hourly(Sent sent, RateLimitTier tier) {
        return !tier.unlimited() && (sent.requests() > tier.quota(RateLimitType.REQUEST_COUNT, RateLimitInterval.ONE_HOUR)
                || sent.mutations() > tier.quota(RateLimitType.MUTATION_COUNT, RateLimitInterval.ONE_HOUR)
                || sent.complexity() > tier.quota(RateLimitType.QUERY_COMPLEXITY, RateLimitInterval.ONE_HOUR));
    }

    static double bucket(long amount, RateLimitTier tier, RateLimitType type) {
        if (tier.unlimited()) {
            return 0;
        }
        double per10s = tier.quota(type, RateLimitInterval.TEN_SECONDS);
        double perHour = tier.quota(type, RateLimitInterval.ONE_HOUR);
        double windowBound = amount / per10s * 10;
        double hourlyBound = amount > perHour ? (amount - perHour) / perHour * 3600 : 0;
        return Math.max(windowBound, hourlyBound);
    }

    /** The client's limits for a tier, as command-line properties: both windows, all three buckets. */
    public static String[] clientLimits(RateLimitTier tier) {
        String prefix = "--connector.centra.rate-limit.";
        if (tier.unlimited()) {
            return new String[] {prefix + "requests-per-10s=0", prefix + "mutations-per-10s=0",
                prefix + "complexity-per-10s=0"};
        }
        return new String[] {
            prefix + "requests-per-10s=" + tier.quota(RateLimitType.REQUEST_COUNT, RateLimitInterval.TEN_SECONDS),
            prefix + "mutations-per-10s=" + tier.quota(RateLimitType.MUTATION_COUNT, RateLimitInterval.TEN_SECONDS),
            prefix + "complexity-per-10s=" + tier.quota(RateLimitType.QUERY_COMPLEXITY, RateLimitInterval.TEN_SECONDS),
            prefix + "requests-per-hour=" + tier.quota(RateLimitType.REQUEST_COUNT, RateLimitInterval.ONE_HOUR),
            prefix + "mutations-per-hour=" + tier.quota(RateLimitType.MUTATION_COUNT, RateLimitInterval.ONE_HOUR),
            prefix + "complexity-per-hour=" + tier.quota(RateLimitType.QUERY_COMPLEXITY, RateLimitInterval.ONE_HOUR)};
    }
}
