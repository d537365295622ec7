package org.centraerp.connector.centra;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Micrometer meters of the client; without a registry (plain unit tests) every call is a no-op.
 * {@code connector.centra.requests} times whole calls (retries included) by document and outcome;
 * {@code connector.centra.retries} counts extra attempts by reason; {@code connector.centra.rate_limited}
 * counts 429 answers, which our own limiter should keep at zero.
 */
public final class CentraMetrics {

    private final MeterRegistry registry;

    /** @param registry the app's registry, or null for none */
    public CentraMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public static CentraMetrics none() {
        return new CentraMetrics(null);
    }

    void call(String document, String outcome, Duration duration) {
        if (registry != null) {
            Timer.builder("connector.centra.requests")
                    .description("Calls to Centra's Integration API, retries included")
                    .tag("document", document)
                    .tag("outcome", outcome)
                    .register(registry)
                    .record(duration);
        }
    }

    void retry(String document, String reason) {
        if (registry != null) {
            Counter.builder("connector.centra.retries")
                    .description("Extra attempts after 5xx, timeouts, dropped connections or 429")
                    .tag("document", document)
                    .tag("reason", reason)
                    .register(registry)
                    .increment();
        }
    }

    void rateLimited(String document) {
        if (registry != null) {
            Counter.builder("connector.centra.rate_limited")
                    .description("429 Too Many Requests answers from Centra")
                    .tag("document", document)
                    .register(registry)
                    .increment();
        }
    }

    /** The outcome tag for a failed call. */
    static String outcomeOf(CentraException e) {
        if (e instanceof CentraUserErrorException) {
            return "user_error";
        } else if (e instanceof CentraPermissionException) {
            return "permission";
        } else if (e instanceof CentraAuthException) {
            return "auth";
        } else if (e instanceof CentraRateLimitedException) {
            return "rate_limited";
        } else if (e instanceof CentraUnavailableException) {
            return "unavailable";
        } else if (e instanceof CentraConfigException) {
            return "config";
        }
        return "query_error";
    }
}
