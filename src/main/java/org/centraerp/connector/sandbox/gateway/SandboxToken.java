package org.centraerp.connector.sandbox.gateway;

import java.time.Instant;
import java.util.Set;

/**
 * An Integration API token of the sandbox.
 *
 * @param value     the secret sent as {@code Authorization: Bearer <value>} or cookie {@code graphql-access}
 * @param readOnly  grants only {@code :read} permissions
 * @param expiresAt after this instant the token answers HTTP 403
 * @param only      when not empty, the token holds just these permissions (as a narrowly scoped Centra token does)
 */
public record SandboxToken(String value, boolean readOnly, Instant expiresAt, Set<String> only) {

    public SandboxToken(String value, boolean readOnly, Instant expiresAt) {
        this(value, readOnly, expiresAt, Set.of());
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Whether this token holds a permission such as {@code Product:read} or {@code SizeChart:write}. */
    public boolean grants(String permission) {
        if (!only.isEmpty()) {
            return only.contains(permission);
        }
        return !readOnly || permission.endsWith(":read");
    }
}
