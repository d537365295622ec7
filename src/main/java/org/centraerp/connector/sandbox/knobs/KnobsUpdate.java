package org.centraerp.connector.sandbox.knobs;

import java.util.Map;

import org.centraerp.connector.sandbox.gateway.RateLimitInterval;
import org.centraerp.connector.sandbox.gateway.RateLimitTier;
import org.centraerp.connector.sandbox.gateway.RateLimitType;

/** Body of PUT /sandbox/admin/knobs: fields left out (null) keep their value. */
public record KnobsUpdate(Long latencyMs, SandboxKnobs.FaultRates faultRates, Long timeoutHoldMs,
                          RateLimitTier rateLimitTier,
                          Map<RateLimitType, Map<RateLimitInterval, Long>> quotaOverrides) {
}
