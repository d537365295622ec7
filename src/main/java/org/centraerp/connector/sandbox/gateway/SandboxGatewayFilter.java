package org.centraerp.connector.sandbox.gateway;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.ObjectMapper;

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
 * (HTTP 403), then the added latency and injected faults (5xx, 429, held requests), then the rate-limit buckets
 * (HTTP 429 with Retry-After). A request that passes reaches Spring GraphQL with its token as a request attribute.
 */
public class SandboxGatewayFilter extends OncePerRequestFilter {

    /** Request attribute holding the {@link SandboxToken} of an authenticated request. */
    public static final String TOKEN_ATTRIBUTE = SandboxGatewayFilter.class.getName() + ".token";

    private static final List<Integer> SERVER_ERRORS = List.of(500, 502, 503);

    private final SandboxTokens tokens;
    private final RateLimiter rateLimiter;
    private final Knobs knobs;
    private final ObjectMapper json;
    private final MutationCounter mutations;

    public SandboxGatewayFilter(SandboxTokens tokens, RateLimiter rateLimiter, Knobs knobs, ObjectMapper json) {
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
        pause(Duration.ofMillis(current.latencyMs()));
        if (injectFault(current, response)) {
            return;
        }
        var cached = new CachedBodyRequest(request);
        var admission = rateLimiter.admit(mutations.count(cached.body()));
        if (!admission.allowed()) {
            tooManyRequests(response, admission.retryAfter());
            return;
        }
        cached.setAttribute(TOKEN_ATTRIBUTE, token.get());
        chain.doFilter(cached, response);
    }

    private boolean injectFault(SandboxKnobs current, HttpServletResponse response) throws IOException {
        var rates = current.faultRates();
        double roll = ThreadLocalRandom.current().nextDouble();
        if (roll < rates.serverError()) {
            int status = SERVER_ERRORS.get(ThreadLocalRandom.current().nextInt(SERVER_ERRORS.size()));
            answer(response, status, "Internal Error (injected by the sandbox)");
            return true;
        }
        roll -= rates.serverError();
        if (roll < rates.rateLimited()) {
            tooManyRequests(response, Duration.ofSeconds(1 + ThreadLocalRandom.current().nextInt(10)));
            return true;
        }
        roll -= rates.rateLimited();
        if (roll < rates.timeout()) {
            // hold the request past any sensible client timeout; the client has normally given up by then
            pause(Duration.ofMillis(current.timeoutHoldMs()));
            answer(response, HttpServletResponse.SC_GATEWAY_TIMEOUT, "Gateway Timeout (injected by the sandbox)");
            return true;
        }
        return false;
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

    private static void pause(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
