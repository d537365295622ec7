package org.centraerp.connector.sandbox.gateway;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.centraerp.connector.sandbox.knobs.Knobs;
import org.centraerp.connector.sandbox.knobs.SandboxKnobs;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Everything Centra decides about a request as a whole, before GraphQL sees it, in Centra's order: the token
 * (HTTP 403), then injected faults (5xx, 429, held requests), then the rate-limit buckets (HTTP 429 with
 * Retry-After), then the added latency. A request that passes reaches Spring GraphQL with its token as a request
 * attribute. Latency and held requests wait on the sandbox's own timer (async servlet), never on a request thread.
 */
public class SandboxGatewayFilter extends OncePerRequestFilter {

    /** Request attribute holding the {@link SandboxToken} of an authenticated request. */
    public static final String TOKEN_ATTRIBUTE = SandboxGatewayFilter.class.getName() + ".token";

    private static final List<Integer> SERVER_ERRORS = List.of(500, 502, 503);
    /** How much longer than its delay a held request may stay open before the container gives up on it. */
    private static final Duration ASYNC_MARGIN = Duration.ofSeconds(60);

    private final SandboxTokens tokens;
    private final RateLimiter rateLimiter;
    private final Knobs knobs;
    private final ObjectMapper json;
    private final MutationCounter mutations;
    private final ScheduledExecutorService delays;

    public SandboxGatewayFilter(SandboxTokens tokens, RateLimiter rateLimiter, Knobs knobs, ObjectMapper json,
                                ScheduledExecutorService delays) {
        this.delays = delays;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.knobs = knobs;
        this.json = json;
        this.mutations = new MutationCounter(json);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var token = tokens.authenticate(request);
        if (token.isEmpty()) {
            // Centra: "403 Forbidden - the provided token was invalid or expired"; the body is not documented
            answer(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden");
            return;
        }
        SandboxKnobs current = knobs.current();
        Fault fault = rollFault(current);
        if (fault != null) {
            long hold = current.latencyMs() + (fault.status() == HttpServletResponse.SC_GATEWAY_TIMEOUT
                    ? current.timeoutHoldMs() : 0);
            later(request, response, request, hold, async -> {
                fault.answer(response);
                if (async != null) {
                    async.complete();
                }
            });
            return;
        }
        var cached = new CachedBodyRequest(request);
        var admission = rateLimiter.admit(mutations.count(cached.body()));
        if (!admission.allowed()) {
            tooManyRequests(response, admission.retryAfter());
            return;
        }
        cached.setAttribute(TOKEN_ATTRIBUTE, token.get());
        if (current.latencyMs() > 0) {
            // the async dispatch runs the rest of the chain with the cached body and the token attribute
            later(request, response, cached, current.latencyMs(), AsyncContext::dispatch);
            return;
        }
        chain.doFilter(cached, response);
    }

    /** An answer the sandbox gives instead of running the request. */
    private record Fault(int status, Duration retryAfter, String message, SandboxGatewayFilter filter) {
        void answer(HttpServletResponse response) throws IOException {
            if (retryAfter != null) {
                filter.tooManyRequests(response, retryAfter);
            } else {
                filter.answer(response, status, message);
            }
        }
    }

    /** The fault this request gets, or null: 5xx, 429 or a request held until the client gave up (504). */
    private Fault rollFault(SandboxKnobs current) {
        var rates = current.faultRates();
        double roll = ThreadLocalRandom.current().nextDouble();
        if (roll < rates.serverError()) {
            int status = SERVER_ERRORS.get(ThreadLocalRandom.current().nextInt(SERVER_ERRORS.size()));
            return new Fault(status, null, "Internal Error (injected by the sandbox)", this);
        }
        roll -= rates.serverError();
        if (roll < rates.rateLimited()) {
            return new Fault(429, Duration.ofSeconds(1 + ThreadLocalRandom.current().nextInt(10)), null, this);
        }
        roll -= rates.rateLimited();
        if (roll < rates.timeout()) {
            // held past any sensible client timeout; the client has normally given up by then
            return new Fault(HttpServletResponse.SC_GATEWAY_TIMEOUT, null,
                    "Gateway Timeout (injected by the sandbox)", this);
        }
        return null;
    }

    /** Something to do with a request once its delay is over; null when there was no delay. */
    private interface Resumption {
        void resume(AsyncContext async) throws IOException;
    }

    /**
     * Runs {@code then} after {@code delayMs} on the sandbox's own timer, without holding the servlet thread
     * meanwhile: a slow sandbox must never starve the connector's own endpoints (health, webhooks).
     */
    private void later(HttpServletRequest request, HttpServletResponse response, HttpServletRequest carried,
                       long delayMs, Resumption then) throws IOException {
        if (delayMs <= 0) {
            then.resume(null);
            return;
        }
        AsyncContext async = request.startAsync(carried, response);
        async.setTimeout(delayMs + ASYNC_MARGIN.toMillis());
        delays.schedule(() -> {
            try {
                then.resume(async);
            } catch (IOException | RuntimeException e) {
                // the client went away meanwhile; nothing left to answer
                async.complete();
            }
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    private void tooManyRequests(HttpServletResponse response, Duration retryAfter) throws IOException {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        answer(response, 429, "Too Many Requests: rate limit exceeded, retry after " + seconds + " s");
    }

    private void answer(HttpServletResponse response, int status, String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("errors", List.of(Map.of("message", message))));
    }
}
