package org.centraerp.connector.sandbox.store;

import java.time.Instant;
import java.util.List;

/**
 * A bundle: a product ({@code productId}, with {@code isBundle}) sold as sections of other products' variants.
 * A fixed bundle has a size chart and its sizes; each section is a quantity of one of its variants.
 */
public record Bundle(int id, int productId, String type, String priceType, Integer sizeChartId, List<Integer> sizeIds,
                     List<Section> sections, Instant createdAt, Instant updatedAt) implements Identified {

    public Bundle {
        sizeIds = List.copyOf(sizeIds);
        sections = List.copyOf(sections);
    }

    /** A section: {@code quantity} units of one of {@code variantIds}. */
    public record Section(int id, int quantity, List<Integer> variantIds, Instant createdAt, Instant updatedAt) {

        public Section {
            variantIds = List.copyOf(variantIds);
        }
    }
}
