package org.centraerp.connector.sandbox.store;

import java.util.List;

public record Pricelist(int id, String name, Status status, String comment, int storeId, int currencyId,
                        Integer defaultShippingOptionId, List<Integer> countryIds, String externalId) implements Identified {

    public Pricelist {
        countryIds = countryIds == null ? List.of() : List.copyOf(countryIds);
    }
}
