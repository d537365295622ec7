package org.centraerp.connector.ops;

import java.util.List;

/**
 * What an enabled flow reads from Centra, so {@code check} can tell before the first run which
 * permissions the token lacks. Each document is a list query run with {@code limit: 1}.
 */
public record FlowProbe(String flow, List<String> queryDocuments) {
}
