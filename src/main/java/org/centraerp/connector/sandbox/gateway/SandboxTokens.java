package org.centraerp.connector.sandbox.gateway;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The sandbox's seeded tokens; fixed values so that tests, demos and the connector's default configuration can use
 * them without setup.
 * <ul>
 *   <li>{@code sandbox-demo-token}: every permission; the connector uses it when {@code CENTRA_TOKEN} is empty.</li>
 *   <li>{@code sandbox-readonly-token}: only {@code :read} permissions; a mutation answers Centra's
 *       "You need X:write permission to access Y." error.</li>
 *   <li>{@code sandbox-expired-token}: expired; every request answers HTTP 403.</li>
 *   <li>{@code sandbox-stores-token}: only {@code Store:read}; shows what {@code check} says of a token that
 *       lacks the permissions of the enabled flows.</li>
 * </ul>
 * Any other value answers HTTP 403, as an unknown or revoked token does in Centra. Tests register and revoke
 * tokens at run time ({@code /sandbox/admin/tokens}) to rotate a token as an operator does in Centra's AMS. The token travels as
 * {@code Authorization: Bearer <token>} or as cookie {@code graphql-access=<token>}.
 */
@Component
@ConditionalOnSandboxEnabled
public class SandboxTokens {

    public static final String DEMO = "sandbox-demo-token";
    public static final String READ_ONLY = "sandbox-readonly-token";
    public static final String EXPIRED = "sandbox-expired-token";
    public static final String STORES_ONLY = "sandbox-stores-token";

    private static final String BEARER = "Bearer ";
    private static final String COOKIE = "graphql-access";

    private final Clock clock;
    private final Map<String, SandboxToken> tokens = new ConcurrentHashMap<>();

    @Autowired
    public SandboxTokens() {
        this(Clock.systemUTC());
    }

    SandboxTokens(Clock clock) {
        this.clock = clock;
        this.tokens.putAll(Map.of(
                DEMO, new SandboxToken(DEMO, false, Instant.MAX),
                READ_ONLY, new SandboxToken(READ_ONLY, true, Instant.MAX),
                EXPIRED, new SandboxToken(EXPIRED, false, Instant.parse("2024-01-01T00:00:00Z")),
                STORES_ONLY, new SandboxToken(STORES_ONLY, true, Instant.MAX, Set.of("Store:read"))));
    }

    /** Adds a token, or replaces one of the same value; it is accepted from the next request on. */
    public void register(SandboxToken token) {
        tokens.put(token.value(), token);
    }

    /** Revokes a token: from the next request on it answers HTTP 403. False when it was not known. */
    public boolean revoke(String value) {
        return tokens.remove(value) != null;
    }

    /** The request's token when it is known and not expired. */
    public Optional<SandboxToken> authenticate(HttpServletRequest request) {
        return presented(request).map(tokens::get).filter(token -> !token.expired(clock.instant()));
    }

    private static Optional<String> presented(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(header.substring(BEARER.length()).trim());
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return Optional.of(cookie.getValue());
                }
            }
        }
        return Optional.empty();
    }
}
