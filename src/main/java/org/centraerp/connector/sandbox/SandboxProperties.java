package org.centraerp.connector.sandbox;

import java.time.Duration;

import org.centraerp.connector.sandbox.gateway.RateLimitTier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code connector.sandbox.*}: the start values of the sandbox knobs; {@code /sandbox/admin/knobs} changes them at run time.
 *
 * @param enabled       the sandbox answers at /sandbox/graphql
 * @param latency       delay added to every GraphQL request
 * @param faultRates    share of requests (0.0-1.0) answered with a fault instead
 * @param timeoutHold   how long a "timeout" fault holds the request before giving up (longer than client timeouts)
 * @param rateLimitTier Centra's rate-limit tier the sandbox enforces
 * @param appVersion    reported as {@code extensions.appVersion}
 */
@ConfigurationProperties("connector.sandbox")
public record SandboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0ms") Duration latency,
        @DefaultValue FaultRates faultRates,
        @DefaultValue("35s") Duration timeoutHold,
        @DefaultValue("GROWTH") RateLimitTier rateLimitTier,
        @DefaultValue("v1.60.0-sandbox") String appVersion) {

    /** Shares of requests answered with HTTP 500/502/503, HTTP 429, or held until the client gives up. */
    public record FaultRates(
            @DefaultValue("0.0") double serverError,
            @DefaultValue("0.0") double rateLimited,
            @DefaultValue("0.0") double timeout) {
    }
}
