package org.centraerp.connector.centra;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The answer to a mutation. {@code userErrors} mean Centra changed nothing; {@code userWarnings} mean it did,
 * possibly skipping some entries (e.g. {@code setPrices}). Callers must look at both: use {@link #orThrow()}
 * when any user error should fail the call.
 *
 * @param document     the document's name, for messages
 * @param payload      the object of the single top-level mutation field, e.g. {@code {stockChange:{id:1}, ...}}
 * @param userErrors   the payload's {@code userErrors}
 * @param userWarnings the payload's {@code userWarnings}
 * @param response     the whole answer (complexity, permissions used)
 */
public record MutationResult(String document, JsonNode payload, List<CentraProblem> userErrors,
                             List<CentraProblem> userWarnings, CentraResponse response) {

    public MutationResult {
        userErrors = List.copyOf(userErrors);
        userWarnings = List.copyOf(userWarnings);
    }

    public boolean ok() {
        return userErrors.isEmpty();
    }

    /** The payload, or {@link CentraUserErrorException} listing every user error with its path. */
    public JsonNode orThrow() {
        if (!ok()) {
            throw new CentraUserErrorException(document, userErrors);
        }
        return payload;
    }
}
