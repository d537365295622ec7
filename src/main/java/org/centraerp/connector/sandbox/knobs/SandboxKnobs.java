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

    /** Longest latency the sandbox adds to a request: enough to show a slow Centra, short of hanging a client. */
    public static final long MAX_LATENCY_MS = 60_000;
    /** Longest a "timeout" fault holds a request: past the connector's 30 s timeout, bounded all the same. */
    public static final long MAX_TIMEOUT_HOLD_MS = 120_000;

    public SandboxKnobs {
        faultRates = faultRates == null ? new FaultRates(0, 0, 0) : faultRates;
        checkRange("latencyMs", latencyMs, MAX_LATENCY_MS);
        checkRange("timeoutHoldMs", timeoutHoldMs, MAX_TIMEOUT_HOLD_MS);
        faultRates.check();
        rateLimitTier = rateLimitTier == null ? RateLimitTier.GROWTH : rateLimitTier;
        quotaOverrides = copy(quotaOverrides);
    }

    /** Shares of requests answered with HTTP 500/502/503, with HTTP 429, or held until the client gives up. */
    public record FaultRates(double serverError, double rateLimited, double timeout) {

        void check() {
            checkShare("faultRates.serverError", serverError);
            checkShare("faultRates.rateLimited", rateLimited);
            checkShare("faultRates.timeout", timeout);
            if (serverError + rateLimited + timeout > 1.0 + 1e-9) {
                throw new KnobOutOfRangeException("faultRates add up to " + (serverError + rateLimited + timeout)
                        + ", more than 1.0 — each is a share of all requests");
            }
        }

        private static void checkShare(String name, double value) {
            if (!(value >= 0.0 && value <= 1.0)) {
                throw new KnobOutOfRangeException(name + " is " + value + " — a share of requests, 0.0 to 1.0");
            }
        }
    }

    /** A knob set to a value the sandbox refuses (answered HTTP 400 by the admin endpoint). */
    public static final class KnobOutOfRangeException extends IllegalArgumentException {
        KnobOutOfRangeException(String message) {
            super(message);
        }
    }

    private static void checkRange(String name, long value, long max) {
        if (value < 0 || value > max) {
            throw new KnobOutOfRangeException(name + " is " + value + " — allowed 0 to " + max + " ms");
        }
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
