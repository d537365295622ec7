package org.centraerp.connector.sandbox.store;

import java.time.Instant;

public record Product(int id, String name, ProductStatus status, String productNumber,
                      String harmonizedCommodityCode, String harmonizedCommodityCodeDescription,
                      String internalComment, boolean isBundle, boolean isSerializableProduct, Weight weight,
                      Integer brandId, Integer collectionId, Integer folderId, Integer countryOfOriginId,
                      String externalId, Instant createdAt, Instant updatedAt) implements Identified {
}
