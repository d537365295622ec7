package org.centraerp.connector.ops;

import java.util.List;

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
}
