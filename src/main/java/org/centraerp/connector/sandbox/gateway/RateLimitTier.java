package org.centraerp.connector.sandbox.gateway;

import java.util.EnumMap;
import java.util.Map;

/**
 * Centra's rate-limit tiers (centra.dev/integration-api/api-rate-limits): quotas per bucket type and window.
 * NONE switches limiting off.
 */
public enum RateLimitTier {
    GROWTH(60, 5_000, 20, 1_800, 250_000, 30_000_000),
    ENHANCED(150, 20_000, 50, 4_500, 900_000, 90_000_000),
    HIGH_VOLUME(450, 40_000, 150, 7_000, 1_800_000, 180_000_000),
    ENTERPRISE(1_500, 85_000, 500, 25_000, 4_000_000, 400_000_000),
    NONE(0, 0, 0, 0, 0, 0);

    private final Map<RateLimitType, Map<RateLimitInterval, Long>> quotas = new EnumMap<>(RateLimitType.class);

    RateLimitTier(long requests10s, long requests1h, long mutations10s, long mutations1h,
                  long complexity10s, long complexity1h) {
        quotas.put(RateLimitType.REQUEST_COUNT, windows(requests10s, requests1h));
        quotas.put(RateLimitType.MUTATION_COUNT, windows(mutations10s, mutations1h));
        quotas.put(RateLimitType.QUERY_COMPLEXITY, windows(complexity10s, complexity1h));
    }

    public boolean unlimited() {
        return this == NONE;
    }

    public long quota(RateLimitType type, RateLimitInterval interval) {
        return quotas.get(type).get(interval);
    }

    private static Map<RateLimitInterval, Long> windows(long tenSeconds, long oneHour) {
        var map = new EnumMap<RateLimitInterval, Long>(RateLimitInterval.class);
        map.put(RateLimitInterval.TEN_SECONDS, tenSeconds);
        map.put(RateLimitInterval.ONE_HOUR, oneHour);
        return map;
    }
}
