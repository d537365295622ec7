package org.centraerp.connector.centra;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code connector.centra} section of {@code config/application.yaml}: where Centra is, how long to wait,
 * how often to retry and how fast to go. Defaults match the documented yaml so the client also works without it.
 *
 * @param url            GraphQL Integration API endpoint; blank means the built-in sandbox of this app
 * @param token          Integration API token; blank means the sandbox demo token (refused for a real URL)
 * @param tokenFile      file holding the token (Kubernetes/Docker secret), read again when it changes; wins over token
 * @param tokenExpires   the day the token expires (Centra shows it in System → API tokens); null when unknown
 * @param timeout        time to wait for an answer before a call counts as timed out
 * @param connectTimeout time to wait for a TCP connection
 * @param retry          retries of queries and safe mutations on 5xx, timeouts and dropped connections
 * @param rateLimit      client-side limits per 10 s window, kept under Centra's token buckets
 */
@Validated
@ConfigurationProperties("connector.centra")
public record CentraProperties(
        String url,
        String token,
        String tokenFile,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate tokenExpires,
        @NotNull @DefaultValue("30s") Duration timeout,
        @NotNull @DefaultValue("5s") Duration connectTimeout,
        @NotNull @Valid @DefaultValue Retry retry,
        @NotNull @Valid @DefaultValue RateLimit rateLimit) {

    /**
     * @param maxAttempts    attempts in all (first call included) for one call
     * @param initialBackoff back-off before the second attempt; doubles per attempt, with full jitter
     * @param maxBackoff     ceiling of one back-off
     */
    public record Retry(
            @Min(1) @Max(20) @DefaultValue("5") int maxAttempts,
            @NotNull @DefaultValue("500ms") Duration initialBackoff,
            @NotNull @DefaultValue("30s") Duration maxBackoff) {
    }

    /**
     * Limits per 10 s window; 0 switches that bucket's limit off (e.g. a sandbox without rate limits).
     *
     * @param requestsPer10s   requests of any kind
     * @param mutationsPer10s  requests that carry a mutation
     * @param complexityPer10s sum of {@code extensions.complexity} of the answers
     * @param maxWait          longest wait on a 429 {@code Retry-After} before the call fails instead
     */
    public record RateLimit(
            @Min(0) @DefaultValue("60") int requestsPer10s,
            @Min(0) @DefaultValue("20") int mutationsPer10s,
            @Min(0) @DefaultValue("250000") long complexityPer10s,
            @NotNull @DefaultValue("2m") Duration maxWait) {
    }

    /** Properties with every default, for tests and tools that run without Spring. */
    public static CentraProperties defaults(String url, String token) {
        return new CentraProperties(url, token, null, null, Duration.ofSeconds(30), Duration.ofSeconds(5),
                new Retry(5, Duration.ofMillis(500), Duration.ofSeconds(30)),
                new RateLimit(60, 20, 250_000, Duration.ofMinutes(2)));
    }

    public CentraProperties withUrl(String newUrl, String newToken) {
        return new CentraProperties(newUrl, newToken, null, tokenExpires, timeout, connectTimeout, retry, rateLimit);
    }

    public CentraProperties withTimeouts(Duration newTimeout, Duration newConnectTimeout) {
        return new CentraProperties(url, token, tokenFile, tokenExpires, newTimeout, newConnectTimeout, retry, rateLimit);
    }

    public CentraProperties withRetry(Retry newRetry) {
        return new CentraProperties(url, token, tokenFile, tokenExpires, timeout, connectTimeout, newRetry, rateLimit);
    }

    public CentraProperties withRateLimit(RateLimit newRateLimit) {
        return new CentraProperties(url, token, tokenFile, tokenExpires, timeout, connectTimeout, retry, newRateLimit);
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "CentraProperties[url=" + url + ", token=" + (token == null || token.isBlank() ? "<blank>" : "<set>")
                + ", tokenFile=" + tokenFile + ", tokenExpires=" + tokenExpires
                + ", timeout=" + timeout + ", connectTimeout=" + connectTimeout
                + ", retry=" + retry + ", rateLimit=" + rateLimit + "]";
    }
}
