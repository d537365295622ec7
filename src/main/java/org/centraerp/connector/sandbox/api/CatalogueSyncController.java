package org.centraerp.connector.sandbox.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.graphql.ListQuery;
import org.centraerp.connector.sandbox.graphql.StringMatch;
import org.centraerp.connector.sandbox.store.IdConversion;
import org.centraerp.connector.sandbox.store.ProductSize;
import org.centraerp.connector.sandbox.store.ProductVariant;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Status;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** What keeping a catalogue in step with an ERP needs beyond creating: variant and size updates, ID conversions. */
@Controller
@ConditionalOnSandboxEnabled
public class CatalogueSyncController {

    /** The sandbox's tokens share one integration (as its event queue does). */
    static final String INTEGRATION = "sandbox";

    record ProductVariantUpdateInput(String name, Status status, String variantNumber, String internalName,
                                     ProductVariantController.MoneyInput unitCost) {
    }

    record ProductSizeUpdateInput(String EAN, String UPC, String sizeNumber, String comment, Boolean preorder,
                                  Boolean isActive) {
    }

    record IdConversionSetInput(String objectType, Integer internalId, String externalId) {
    }

    record IdConversionFilter(String objectType, StringMatch externalId, List<Integer> internalId) {
    }

    /** The payload of setIdConversions: its entries instead of one object. */
    public record IdConversionsSetPayload(List<IdConversion> entries, List<UserError> userErrors,
                                          List<UserWarning> userWarnings) {
    }

    private final SandboxData data;

    public CatalogueSyncController(SandboxData data) {
        this.data = data;
    }

    @MutationMapping
    public Payload updateProductVariant(@Argument int id, @Argument ProductVariantUpdateInput input) {
        return data.write(() -> {
            var problems = new Problems();
            var found = data.productVariants.find(id);
            if (found.isEmpty()) {
                return Payload.rejected(problems.error("Product variant with id " + id + " does not exist", "id"));
            }
            if (input.name() != null) {
                problems.requireText(input.name(), "name");
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            var old = found.get();
            var updated = new ProductVariant(id, old.productId(), or(input.name(), old.name()),
                    or(input.status(), old.status()), or(input.variantNumber(), old.variantNumber()),
                    or(input.internalName(), old.internalName()),
                    input.unitCost() == null ? old.unitCost()
                            : new org.centraerp.connector.sandbox.store.Money(input.unitCost().value(),
                                    input.unitCost().currencyIsoCode()),
                    old.sizeChartId(), old.externalId(), Instant.now());
            return Payload.of(data.productVariants.put(updated), problems);
        });
    }

    @MutationMapping
    public Payload updateProductSize(@Argument int id, @Argument ProductSizeUpdateInput input) {
        return data.write(() -> {
            var problems = new Problems();
            var found = data.productSizes.find(id);
            if (found.isEmpty()) {
                return Payload.rejected(problems.error("Product size with id " + id + " does not exist", "id"));
            }
            var old = found.get();
            var updated = new ProductSize(id, old.productVariantId(), old.sizeId(), or(input.EAN(), old.ean()),
                    or(input.UPC(), old.upc()), or(input.sizeNumber(), old.sizeNumber()),
                    or(input.comment(), old.comment()), or(input.preorder(), old.preorder()),
                    or(input.isActive(), old.isActive()));
            return Payload.of(data.productSizes.put(updated), problems);
        });
    }

    @MutationMapping
    public IdConversionsSetPayload setIdConversions(@Argument List<IdConversionSetInput> input) {
        return data.write(() -> {
            var problems = new Problems();
            for (int i = 0; i < input.size(); i++) {
                var entry = input.get(i);
                problems.requireText(entry.externalId(), "externalId");
                if (entry.internalId() != null && !exists(entry.objectType()).test(entry.internalId())) {
                    problems.error(entry.objectType() + " with id " + entry.internalId() + " does not exist",
                            "input", String.valueOf(i), "internalId");
                }
            }
            if (problems.hasErrors()) {
                return new IdConversionsSetPayload(List.of(), problems.errors(), problems.warnings());
            }
            List<IdConversion> entries = new ArrayList<>();
            for (var entry : input) {
                // idempotent: an entry for the same object or the same external id is overwritten
                var existing = data.idConversions.stream().filter(c -> c.objectType().equals(entry.objectType())
                        && (c.externalId().equals(entry.externalId()) || c.internalId() == entry.internalId()))
                        .toList();
                int id = existing.isEmpty() ? data.idConversions.nextId() : existing.get(0).id();
                existing.stream().skip(1).forEach(c -> data.idConversions.remove(c.id()));
                entries.add(data.idConversions.put(new IdConversion(id, entry.objectType(), entry.internalId(),
                        entry.externalId(), INTEGRATION)));
            }
            return new IdConversionsSetPayload(entries, problems.errors(), problems.warnings());
        });
    }

    @QueryMapping
    public List<IdConversion> idConversions(@Argument IdConversionFilter where, @Argument Integer limit,
                                            @Argument Integer page) {
        var filter = where == null ? new IdConversionFilter(null, null, null) : where;
        return ListQuery.run(data.idConversions.stream(),
                c -> (filter.objectType() == null || filter.objectType().equals(c.objectType()))
                        && (filter.externalId() == null || filter.externalId().equals() == null
                            || filter.externalId().equals().equals(c.externalId()))
                        && (filter.externalId() == null || filter.externalId().contains() == null
                            || c.externalId().contains(filter.externalId().contains()))
                        && (filter.internalId() == null || filter.internalId().contains(c.internalId())),
                List.of(), Map.of("id", Comparator.comparingInt(IdConversion::id)), limit, page);
    }

    private IntPredicate exists(String objectType) {
        return switch (Objects.requireNonNullElse(objectType, "")) {
            case "Brand" -> data.brands::exists;
            case "Collection" -> data.collections::exists;
            case "Display" -> data.displays::exists;
            case "Folder" -> data.folders::exists;
            case "Market" -> data.markets::exists;
            case "Pricelist" -> data.pricelists::exists;
            case "Product" -> data.products::exists;
            case "ProductSize" -> data.productSizes::exists;
            case "ProductVariant" -> data.productVariants::exists;
            case "SizeChart" -> data.sizeCharts::exists;
            case "Size" -> id -> data.size(id).isPresent();
            case "Store" -> data.stores::exists;
            case "Warehouse" -> data.warehouses::exists;
            default -> id -> false;
        };
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
