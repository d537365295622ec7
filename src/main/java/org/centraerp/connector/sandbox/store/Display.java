package org.centraerp.connector.sandbox.store;

import java.util.List;

/**
 * What a store shows of a product: its variants, markets, texts and categories.
 *
 * @param texts               descriptions, meta texts and order quantities (Centra's display fields)
 * @param categoryIds         the categories it is shown in
 * @param canonicalCategoryId the category its canonical URL is under, or null
 */
public record Display(int id, String name, Status status, String uri, int storeId, int productId,
                      List<Integer> productVariantIds, List<Integer> marketIds, Texts texts,
                      List<Integer> categoryIds, Integer canonicalCategoryId) implements Identified {

    public Display {
        productVariantIds = productVariantIds == null ? List.of() : List.copyOf(productVariantIds);
        marketIds = marketIds == null ? List.of() : List.copyOf(marketIds);
        texts = texts == null ? Texts.NONE : texts;
        categoryIds = categoryIds == null ? List.of() : List.copyOf(categoryIds);
    }

    public Display(int id, String name, Status status, String uri, int storeId, int productId,
                   List<Integer> productVariantIds, List<Integer> marketIds) {
        this(id, name, status, uri, storeId, productId, productVariantIds, marketIds, Texts.NONE, List.of(), null);
    }

    /** This display in other markets (e.g. after a market is deleted). */
    public Display withMarketIds(List<Integer> newMarketIds) {
        return new Display(id, name, status, uri, storeId, productId, productVariantIds, newMarketIds, texts,
                categoryIds, canonicalCategoryId);
    }

    /** The display's texts and order quantities; null fields are unset. */
    public record Texts(String description, String shortDescription, String metaTitle, String metaDescription,
                        String metaKeywords, String comment, List<String> tags, Integer minimumOrderQuantity,
                        Integer orderQuantityDenominator) {

        public static final Texts NONE = new Texts(null, null, null, null, null, null, List.of(), null, null);

        public Texts {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }

        /** These texts with every non-null field of {@code change} over them. */
        public Texts with(Texts change) {
            return new Texts(pick(change.description, description), pick(change.shortDescription, shortDescription),
                    pick(change.metaTitle, metaTitle), pick(change.metaDescription, metaDescription),
                    pick(change.metaKeywords, metaKeywords), pick(change.comment, comment),
                    change.tags.isEmpty() ? tags : change.tags,
                    change.minimumOrderQuantity != null ? change.minimumOrderQuantity : minimumOrderQuantity,
                    change.orderQuantityDenominator != null ? change.orderQuantityDenominator : orderQuantityDenominator);
        }

        private static String pick(String given, String old) {
            return given != null ? given : old;
        }
    }
}
