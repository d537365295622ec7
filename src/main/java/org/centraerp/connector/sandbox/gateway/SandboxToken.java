package org.centraerp.connector.sandbox.gateway;

import java.time.Instant;

/**
 * An Integration API token of the sandbox.
 *
 * @param value     the secret sent as {@code Authorization: Bearer <value>} or cookie {@code graphql-access}
 * @param readOnly  grants only {@code :read} permissions
 * @param expiresAt after this instant the token answers HTTP 403
 */
public record SandboxToken(String value, boolean readOnly, Instant expiresAt) {

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Whether this token holds a permission such as {@code Product:read} or {@code SizeChart:write}. */
    public boolean grants(String permission) {
        return !readOnly || permission.endsWith(":read");
    }
}
