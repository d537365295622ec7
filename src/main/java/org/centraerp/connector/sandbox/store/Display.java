package org.centraerp.connector.sandbox.store;

import java.util.List;

public record Display(int id, String name, Status status, String uri, int storeId, int productId,
                      List<Integer> productVariantIds, List<Integer> marketIds) implements Identified {

    public Display {
        productVariantIds = productVariantIds == null ? List.of() : List.copyOf(productVariantIds);
        marketIds = marketIds == null ? List.of() : List.copyOf(marketIds);
    }
}
