package org.centraerp.connector.sandbox.knobs;

import java.util.EnumMap;
import java.util.Map;

import org.centraerp.connector.sandbox.SandboxProperties;
import org.centraerp.connector.sandbox.gateway.RateLimitInterval;
import org.centraerp.connector.sandbox.gateway.RateLimitTier;
import org.centraerp.connector.sandbox.gateway.RateLimitType;

/**
 * The knobs tests and benchmarks turn, as JSON at {@code /sandbox/admin/knobs}.
 *
 * @param latencyMs      delay added to every GraphQL request
 * @param faultRates     shares (0.0-1.0) of requests answered with a fault
 * @param timeoutHoldMs  how long a "timeout" fault holds the request
 * @param rateLimitTier  Centra tier whose quotas apply
 * @param quotaOverrides quotas that replace the tier's, e.g. {"REQUEST_COUNT": {"TEN_SECONDS": 2}}
 */
public record SandboxKnobs(long latencyMs, FaultRates faultRates, long timeoutHoldMs, RateLimitTier rateLimitTier,
                           Map<RateLimitType, Map<RateLimitInterval, Long>> quotaOverrides) {

    public SandboxKnobs {
        faultRates = faultRates == null ? new FaultRates(0, 0, 0) : faultRates;
        rateLimitTier = rateLimitTier == null ? RateLimitTier.GROWTH : rateLimitTier;
        quotaOverrides = copy(quotaOverrides);
    }

    /** Shares of requests answered with HTTP 500/502/503, with HTTP 429, or held until the client gives up. */
    public record FaultRates(double serverError, double rateLimited, double timeout) {
    }

    static SandboxKnobs from(SandboxProperties properties) {
        var rates = properties.faultRates();
        return new SandboxKnobs(properties.latency().toMillis(),
                new FaultRates(rates.serverError(), rates.rateLimited(), rates.timeout()),
                properties.timeoutHold().toMillis(), properties.rateLimitTier(), Map.of());
    }

    public long quota(RateLimitType type, RateLimitInterval interval) {
        Long override = quotaOverrides.getOrDefault(type, Map.of()).get(interval);
        return override != null ? override : rateLimitTier.quota(type, interval);
    }

    /** This knob set with the fields the update carries replaced. */
    SandboxKnobs with(KnobsUpdate update) {
        return new SandboxKnobs(
                update.latencyMs() != null ? update.latencyMs() : latencyMs,
                update.faultRates() != null ? update.faultRates() : faultRates,
                update.timeoutHoldMs() != null ? update.timeoutHoldMs() : timeoutHoldMs,
                update.rateLimitTier() != null ? update.rateLimitTier() : rateLimitTier,
                update.quotaOverrides() != null ? update.quotaOverrides() : quotaOverrides);
    }

    private static Map<RateLimitType, Map<RateLimitInterval, Long>> copy(
            Map<RateLimitType, Map<RateLimitInterval, Long>> overrides) {
        var copy = new EnumMap<RateLimitType, Map<RateLimitInterval, Long>>(RateLimitType.class);
        if (overrides != null) {
            overrides.forEach((type, byInterval) -> copy.put(type, Map.copyOf(byInterval)));
        }
        return Map.copyOf(copy);
    }
}
