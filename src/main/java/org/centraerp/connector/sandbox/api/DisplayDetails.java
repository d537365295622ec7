package org.centraerp.connector.sandbox.api;

import java.util.LinkedHashSet;
import java.util.List;

import org.centraerp.connector.sandbox.store.Category;
import org.centraerp.connector.sandbox.store.Display;
import org.centraerp.connector.sandbox.store.SandboxData;

/** The texts and categories part of createDisplay/updateDisplay: validated and applied to a display. */
final class DisplayDetails {

    private DisplayDetails() {
    }

    /** The input's texts, or userErrors for quantities below 1. */
    static Display.Texts texts(DisplayController.DisplayInput input, Problems problems) {
        if (input.minimumOrderQuantity() != null && input.minimumOrderQuantity() < 1) {
            // guess: Centra's wording
            problems.error("Minimum order quantity must be at least 1", "input", "minimumOrderQuantity");
        }
        if (input.orderQuantityDenominator() != null && input.orderQuantityDenominator() < 1) {
            problems.error("Order quantity denominator must be at least 1", "input", "orderQuantityDenominator");
        }
        return new Display.Texts(input.description(), input.shortDescription(), input.metaTitle(),
                input.metaDescription(), input.metaKeywords(), input.comment(), input.tags(),
                input.minimumOrderQuantity(), input.orderQuantityDenominator());
    }

    /** The display with the input's texts and categories applied; unknown or foreign categories are userErrors. */
    static Display apply(SandboxData data, Display display, DisplayController.DisplayInput input, Problems problems) {
        Display.Texts texts = display.texts().with(texts(input, problems));
        var ids = new LinkedHashSet<>(display.categoryIds());
        ids.addAll(categories(data, input.addCategories(), display.storeId(), "addCategories", problems));
        ids.removeAll(categories(data, input.removeCategories(), display.storeId(), "removeCategories", problems));
        Integer canonical = display.canonicalCategoryId();
        if (input.canonicalCategory() != null) {
            canonical = categories(data, List.of(input.canonicalCategory()), display.storeId(), "canonicalCategory",
                    problems).stream().findFirst().orElse(null);
            if (canonical != null) {
                ids.add(canonical);
            }
        }
        return new Display(display.id(), display.name(), display.status(), display.uri(), display.storeId(),
                display.productId(), display.productVariantIds(), display.marketIds(), texts, List.copyOf(ids),
                canonical);
    }

    private static List<Integer> categories(SandboxData data, List<Ref> refs, int storeId, String field,
                                            Problems problems) {
        if (refs == null) {
            return List.of();
        }
        return refs.stream().map(ref -> {
            var category = ref.find(data.categories);
            if (category.isEmpty()) {
                problems.error("Category with " + ref.describe() + " does not exist", "input", field);
                return null;
            }
            if (category.get().storeId() != storeId) {
                // guess: Centra's wording; a display's categories are those of its store
                problems.error("Category " + category.get().id() + " belongs to another store", "input", field);
                return null;
            }
            return category.map(Category::id).get();
        }).filter(java.util.Objects::nonNull).toList();
    }
}
