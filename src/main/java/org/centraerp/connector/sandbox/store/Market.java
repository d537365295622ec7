package org.centraerp.connector.sandbox.store;

import java.time.Instant;
import java.util.List;

public record Market(int id, String name, String comment, int storeId, Integer allocationRuleId,
                     List<Integer> countryIds, String externalId, Instant createdAt) implements Identified {

    public Market {
        countryIds = countryIds == null ? List.of() : List.copyOf(countryIds);
    }
}
