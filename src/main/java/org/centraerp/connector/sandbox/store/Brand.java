package org.centraerp.connector.sandbox.store;

import java.util.List;

public record Brand(int id, String name, String uri, List<Integer> storeIds, String externalId) implements Identified {

    public Brand {
        storeIds = storeIds == null ? List.of() : List.copyOf(storeIds);
    }
}
