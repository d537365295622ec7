package org.centraerp.connector.centra;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one document until it gets an answer worth returning: waits for the rate limiter, maps HTTP statuses to
 * exceptions, retries 429 (always: Centra did not run the request), connection failures before sending (always)
 * and 5xx/timeouts/dropped connections (only when the call is safe to repeat), with bounded attempts.
 */
final class CentraTransport {

    private static final Logger log = LoggerFactory.getLogger(CentraTransport.class);
    /** A refused request is sent again with a rotated token at most this often per call. */
    private static final int MAX_TOKEN_SWAPS = 2;

    /**
     * Why an attempt got no answer.
     *
     * @param reason    for people: "connection refused", "no answer within 30s", "HTTP 503"
     * @param tag       for metrics
     * @param sent      Centra may have received (and run) the request
     * @param retryable another attempt may help
     */
    private record Failure(String reason, String tag, boolean sent, boolean retryable, Throwable cause) {
    }

    private final CentraEndpoint endpoint;
    private final CentraHttp http;
    private final CentraRateLimiter limiter;
    private final CentraEnvelope envelope;
    private final CentraMetrics metrics;
    private final CentraClock clock;
    private final Backoff backoff;
    private final CentraProperties properties;
    private final CentraAccess access;

    CentraTransport(CentraProperties properties, CentraEndpoint endpoint, CentraHttp http, CentraRateLimiter limiter,
                    CentraEnvelope envelope, CentraMetrics metrics, CentraClock clock, Backoff backoff,
                    CentraAccess access) {
        this.access = access;
        this.properties = properties;
        this.endpoint = endpoint;
        this.http = http;
        this.limiter = limiter;
        this.envelope = envelope;
        this.metrics = metrics;
        this.clock = clock;
        this.backoff = backoff;
    }

    /**
     * @param repeatable a query or a SAFE mutation: may be sent again after Centra possibly received it
     * @return the JSON body of a 200 answer (GraphQL errors not yet looked at)
     */
    JsonNode exchange(String document, byte[] body, boolean mutation, boolean repeatable, long expectedComplexity) {
        CentraEndpoint.Target target = endpoint.target();
        int maxAttempts = properties.retry().maxAttempts();
        int tokenSwaps = 0;
        for (int attempt = 1; ; attempt++) {
            CentraRateLimiter.Permit permit = acquire(mutation, expectedComplexity);
            CentraHttp.Answer answer;
            try {
                answer = http.post(target, body);
            } catch (IOException e) {
                Failure failure = classify(e);
                permit.release(failure.sent() ? expectedComplexity : 0);
                retryOrThrow(document, target, failure, repeatable, attempt, maxAttempts);
                continue;
            }
            JsonNode root = answer.status() == 200 ? envelope.tryParse(answer.body()) : null;
            permit.release(CentraEnvelope.complexityOf(root));
            if (answer.status() == 200) {
                access.tokenAccepted();
                if (root == null) {
                    throw new CentraQueryException("Centra at " + target + " answered document '" + document
                            + "' with something that is not GraphQL JSON — check CENTRA_URL (…/graphql)");
                }
                return root;
            } else if (answer.status() == 429) {
                awaitRateLimit(document, answer, attempt, maxAttempts);
            } else if (refusedToken(answer) && tokenSwaps < MAX_TOKEN_SWAPS && tokenChanged(target)) {
                // Centra refused the request before running it: send it again, once, with the rotated token
                tokenSwaps++;
                target = endpoint.target();
                attempt--;
            } else if (answer.status() >= 500 || answer.status() == 408 || answer.status() == 499) {
                Failure failure = new Failure("HTTP " + answer.status() + " " + envelope.messageOf(answer.body()),
                        "http_" + answer.status(), true, true, null);
                retryOrThrow(document, target, failure, repeatable, attempt, maxAttempts);
            } else {
                throw statusError(document, target, answer);
            }
        }
    }

    /** HTTP 401/403 for the token itself, not for a missing permission. */
    private boolean refusedToken(CentraHttp.Answer answer) {
        return (answer.status() == 401 || answer.status() == 403) && !envelope.hasPermissionError(answer.body());
    }

    /** Whether a token file holds another token than the one {@code target} was sent with (read again now). */
    private boolean tokenChanged(CentraEndpoint.Target target) {
        endpoint.refreshToken();
        try {
            return !endpoint.target().token().equals(target.token());
        } catch (CentraConfigException e) {
            return false;
        }
    }

    private CentraRateLimiter.Permit acquire(boolean mutation, long expectedComplexity) {
        try {
            return limiter.acquire(mutation, expectedComplexity);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CentraUnavailableException.interrupted(endpoint.describe());
        }
    }

    private void retryOrThrow(String document, CentraEndpoint.Target target, Failure failure, boolean repeatable,
                              int attempt, int maxAttempts) {
        if (failure.sent() && !repeatable) {
            throw CentraUnavailableException.outcomeUnknown(target.toString(), document, failure.reason(),
                    failure.cause());
        }
        if (!failure.retryable() || attempt >= maxAttempts) {
            String reason = failure.reason() + (attempt > 1 ? " (" + attempt + " attempts)" : "");
            throw CentraUnavailableException.unreachable(target.toString(), reason, failure.cause());
        }
        Duration wait = backoff.after(attempt);
        log.warn("Centra document '{}' attempt {}/{} failed: {}; retrying in {} ms",
                document, attempt, maxAttempts, failure.reason(), wait.toMillis());
        metrics.retry(document, failure.tag());
        sleep(wait);
    }

    /** 429: everyone pauses until Centra's Retry-After, then this call tries again. */
    private void awaitRateLimit(String document, CentraHttp.Answer answer, int attempt, int maxAttempts) {
        metrics.rateLimited(document);
        Duration wait = RetryAfter.parse(answer.retryAfter(), clock.now()).orElseGet(() -> backoff.after(attempt));
        Duration maxWait = properties.rateLimit().maxWait();
        if (attempt >= maxAttempts) {
            throw new CentraRateLimitedException("Centra kept answering 429 Too Many Requests to document '"
                    + document + "' (" + attempt + " attempts) — the limits are shared by every integration of"
                    + " this Centra; lower connector.centra.rate-limit.* or spread the load");
        }
        if (wait.compareTo(maxWait) > 0) {
            throw new CentraRateLimitedException("Centra rate limit reached for document '" + document
                    + "': Retry-After asks for " + wait.toSeconds() + "s, more than connector.centra.rate-limit"
                    + ".max-wait (" + maxWait.toSeconds() + "s) — the hourly quota is probably used up; try later");
        }
        log.warn("Centra answered 429 to document '{}'; everyone waits {} ms (Retry-After: {})",
                document, wait.toMillis(), answer.retryAfter());
        metrics.retry(document, "rate_limited");
        limiter.pauseUntil(clock.nanoTime() + wait.toNanos());
    }

    private void sleep(Duration wait) {
        try {
            clock.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CentraUnavailableException.interrupted(endpoint.describe());
        }
    }

    private CentraException statusError(String document, CentraEndpoint.Target target, CentraHttp.Answer answer) {
        int status = answer.status();
        if (status == 401 || status == 403) {
            JsonNode root = envelope.tryParse(answer.body());
            if (root != null && envelope.hasPermissionError(answer.body())) {
                envelope.throwErrors(document, root);
            }
            access.tokenRefused(status);
            return new CentraAuthException(status, endpoint.token().fromFile());
        }
        if (status == 404) {
            return new CentraConfigException("Centra at " + target + " answered HTTP 404: no GraphQL endpoint there"
                    + " — check CENTRA_URL (it ends in /graphql)");
        }
        String message = envelope.messageOf(answer.body());
        if (status == 400) {
            return new CentraInvalidRequestException("Centra rejected document '" + document + "' (HTTP 400): " + message
                    + " — fix the document in src/main/resources/centra/ or its variables");
        }
        return new CentraQueryException("Centra answered document '" + document + "' with HTTP " + status
                + (message.isEmpty() ? "" : ": " + message) + " — check CENTRA_URL and the document");
    }

    private Failure classify(IOException e) {
        if (e instanceof UnknownHostException) {
            return new Failure("unknown host " + e.getMessage(), "unknown_host", false, false, e);
        } else if (e instanceof SSLException) {
            return new Failure("TLS failed: " + e.getMessage(), "tls", false, false, e);
        } else if (e instanceof ConnectException) {
            return new Failure("connection refused", "connection_refused", false, true, e);
        } else if (e instanceof ConnectTimeoutException) {
            return new Failure("no connection within " + properties.connectTimeout().toMillis() + " ms",
                    "connect_timeout", false, true, e);
        } else if (e instanceof SocketTimeoutException) {
            return new Failure("no answer within " + properties.timeout().toMillis() + " ms", "timeout", true, true, e);
        } else if (e instanceof NoHttpResponseException) {
            return new Failure("connection closed without an answer", "no_response", true, true, e);
        } else if (e instanceof SocketException) {
            return new Failure("connection dropped (" + e.getMessage() + ")", "connection_reset", true, true, e);
        }
        return new Failure(e.getClass().getSimpleName() + ": " + e.getMessage(), "io_error", true, true, e);
    }
}
