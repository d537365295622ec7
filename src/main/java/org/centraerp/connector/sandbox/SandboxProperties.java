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
 * @param shopper       the shopper simulator that places orders by itself
 * @param webhook       where order events are posted, signed like Centra's webhook plugin
 */
@ConfigurationProperties("connector.sandbox")
public record SandboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0ms") Duration latency,
        @DefaultValue FaultRates faultRates,
        @DefaultValue("35s") Duration timeoutHold,
        @DefaultValue("GROWTH") RateLimitTier rateLimitTier,
        @DefaultValue("v1.60.0-sandbox") String appVersion,
        @DefaultValue Shopper shopper,
        @DefaultValue Webhook webhook) {

    /** Places random direct-to-consumer orders (allocating stock) at a steady rate while enabled. */
    public record Shopper(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("6") double ordersPerMinute) {
    }

    /**
     * Centra's webhook plugin (Integration API type): POSTs {@code payload=<json>} with
     * {@code X-Centra-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "t.body")>}; empty url: off.
     */
    public record Webhook(
            @DefaultValue("") String url,
            @DefaultValue("") String secret,
            @DefaultValue("3") int retries,
            @DefaultValue("5s") Duration timeout,
            @DefaultValue("100") int maxEventsPerCall) {
    }

    /** Shares of requests answered with HTTP 500/502/503, HTTP 429, or held until the client gives up. */
    public record FaultRates(
            @DefaultValue("0.0") double serverError,
            @DefaultValue("0.0") double rateLimited,
            @DefaultValue("0.0") double timeout) {
    }
}
