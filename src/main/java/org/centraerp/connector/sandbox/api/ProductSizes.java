package org.centraerp.connector.sandbox.api;

import java.util.Optional;

import org.centraerp.connector.sandbox.api.ProductVariantController.SizeRef;
import org.centraerp.connector.sandbox.store.Size;
import org.centraerp.connector.sandbox.store.SizeChart;

import org.centraerp.connector.sandbox.store.SandboxData;

/** Finds a size of a variant's size chart by id or name, the way size activation needs it. */
final class ProductSizes {

    private final SandboxData data;

    ProductSizes(SandboxData data) {
        this.data = data;
    }

    /** The size {@code ref} names within {@code chart}, or a userError saying why not. */
    Optional<Size> inChart(Optional<SizeChart> chart, SizeRef ref, Problems problems) {
        if (chart.isEmpty()) {
            problems.error("The product variant has no size chart; set one before activating sizes",
                    "input", "size");
            return Optional.empty();
        }
        var found = chart.get().sizes().stream()
                .filter(s -> ref.id() != null ? s.id() == ref.id() : s.name().equals(ref.name()))
                .findFirst();
        if (found.isEmpty()) {
            problems.error("Size with " + ref.describe() + " does not exist in size chart \"" + chart.get().name()
                    + "\"", "input", "size");
        }
        return found;
    }
}
