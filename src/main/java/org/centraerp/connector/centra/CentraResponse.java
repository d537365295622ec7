package org.centraerp.connector.centra;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A successful answer (HTTP 200, no GraphQL {@code errors}).
 *
 * @param data            the {@code data} object
 * @param complexity      {@code extensions.complexity}, 0 when absent
 * @param permissionsUsed {@code extensions.permissionsUsed}, e.g. {@code [Order:read]}
 * @param appVersion      {@code extensions.appVersion}, e.g. {@code v1.60.0}; null when absent
 */
public record CentraResponse(JsonNode data, int complexity, List<String> permissionsUsed, String appVersion) {

    public CentraResponse {
        permissionsUsed = permissionsUsed == null ? List.of() : List.copyOf(permissionsUsed);
    }
}
