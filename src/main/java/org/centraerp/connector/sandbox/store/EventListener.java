package org.centraerp.connector.sandbox.store;

import java.time.Instant;
import java.util.List;

/** A registered interest in events of one object type; no change types means all of them. */
public record EventListener(String integrationName, String objectType, List<String> changeTypes, Instant createdAt,
                            Instant updatedAt) {

    public boolean wants(String changeType) {
        return changeTypes == null || changeTypes.isEmpty() || changeTypes.contains(changeType);
    }
}
