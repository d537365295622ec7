package org.centraerp.connector.sandbox.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.gateway.SandboxToken;
import org.centraerp.connector.sandbox.gateway.SandboxTokens;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tokens made and revoked at run time, as an operator does in Centra's AMS (System → API tokens), so tests can rotate
 * a token while the connector runs (loopback only, like every admin endpoint):
 * <ul>
 *   <li>{@code PUT /sandbox/admin/tokens/{token}} with an optional body {@code {"readOnly": false,
 *       "permissions": ["Store:read", ...], "expiresAt": "2030-01-01T00:00:00Z"}}: accepted from the next request on;
 *       without a body it holds every permission and never expires.</li>
 *   <li>{@code DELETE /sandbox/admin/tokens/{token}}: revoked; from the next request on it answers HTTP 403.</li>
 * </ul>
 */
@RestController
@RequestMapping("/sandbox/admin/tokens")
@ConditionalOnSandboxEnabled
public class SandboxTokenAdminController {

    /** Body of PUT: what the new token may do. */
    public record NewToken(Boolean readOnly, List<String> permissions, Instant expiresAt) {
    }

    private final SandboxTokens tokens;

    public SandboxTokenAdminController(SandboxTokens tokens) {
        this.tokens = tokens;
    }

    @PutMapping("/{token}")
    public Map<String, Object> register(@PathVariable String token, @RequestBody(required = false) NewToken body) {
        NewToken spec = body == null ? new NewToken(false, List.of(), null) : body;
        tokens.register(new SandboxToken(token, Boolean.TRUE.equals(spec.readOnly()),
                spec.expiresAt() == null ? Instant.MAX : spec.expiresAt(),
                spec.permissions() == null ? Set.of() : Set.copyOf(spec.permissions())));
        return Map.of("registered", true);
    }

    @DeleteMapping("/{token}")
    public ResponseEntity<Map<String, Object>> revoke(@PathVariable String token) {
        return tokens.revoke(token) ? ResponseEntity.ok(Map.of("revoked", true))
                : ResponseEntity.status(404).body(Map.of("error", "no such token"));
    }
}
