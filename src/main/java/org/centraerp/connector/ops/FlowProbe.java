package org.centraerp.connector.ops;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraPermissionException;

/**
 * What an enabled flow reads from and writes to Centra, so {@code check} can tell before the first run which
 * permissions the token lacks. Each query document is a list query run with {@code limit: 1}; each write document
 * (under {@code centra/check/}) is a mutation Centra refuses without changing anything (it names an object that
 * does not exist), so only a missing permission shows as an error.
 *
 * @param unprobed permissions the flow needs that only a change would show (creating a brand needs Brand:write):
 *                 {@code check} names them as needed without probing
 */
public record FlowProbe(String flow, List<String> queryDocuments, List<String> writeDocuments, List<String> unprobed) {

    public FlowProbe(String flow, List<String> queryDocuments) {
        this(flow, queryDocuments, List.of());
    }

    public FlowProbe(String flow, List<String> queryDocuments, List<String> writeDocuments) {
        this(flow, queryDocuments, writeDocuments, List.of());
    }

    /**
     * The permissions the token lacks for this flow, as Centra names them: each query run with {@code limit: 1},
     * each write probe sent (Centra refuses it without changing anything unless a permission is missing).
     */
    public Set<String> lackedBy(CentraClient centra) {
        Set<String> lacking = new LinkedHashSet<>();
        for (String document : queryDocuments) {
            try {
                centra.query(document, Map.of("limit", 1, "page", 1));
            } catch (CentraPermissionException e) {
                lacking.addAll(e.permissions());
            }
        }
        for (String document : writeDocuments) {
            try {
                centra.mutate(document, Map.of(), CentraClient.Retry.SAFE);
            } catch (CentraPermissionException e) {
                lacking.addAll(e.permissions());
            }
        }
        return lacking;
    }
}
