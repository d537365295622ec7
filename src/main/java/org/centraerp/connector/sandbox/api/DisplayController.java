package org.centraerp.connector.sandbox.api;

import static org.centraerp.connector.sandbox.graphql.Filters.in;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.graphql.ListQuery;
import org.centraerp.connector.sandbox.store.Display;
import org.centraerp.connector.sandbox.store.Market;
import org.centraerp.connector.sandbox.store.Product;
import org.centraerp.connector.sandbox.store.ProductVariant;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Status;
import org.centraerp.connector.sandbox.store.Store;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Displays: what a store shows of a product. Centra allows one display per product and store, and only variants of
 * that product.
 */
@Controller
@ConditionalOnSandboxEnabled
public class DisplayController {

    record DisplayFilter(List<Integer> id, List<Integer> marketId, List<Integer> storeId, List<Integer> productId) {
    }

    record VariantAdd(Ref productVariant) {
    }

    record DisplayInput(Ref store, Ref product, String name, Status status, String uri, List<Ref> addMarkets,
                        List<Ref> removeMarkets, List<VariantAdd> addProductVariants,
                        List<Ref> removeProductVariants, Integer minimumOrderQuantity,
                        Integer orderQuantityDenominator, String description, String shortDescription,
                        String metaTitle, String metaDescription, String metaKeywords, String comment,
                        List<String> tags, Ref canonicalCategory, List<Ref> addCategories,
                        List<Ref> removeCategories) {
    }

    private static final Map<String, Comparator<Display>> SORT = Map.of(
            "id", Comparator.comparingInt(Display::id), "name", Comparator.comparing(Display::name));

    private final SandboxData data;

    public DisplayController(SandboxData data) {
        this.data = data;
    }

    static List<Display> query(SandboxData data, DisplayFilter where, Integer marketId, List<String> sort,
                               Integer limit, Integer page) {
        var filter = where == null ? new DisplayFilter(null, null, null, null) : where;
        return ListQuery.run(data.displays.stream(),
                d -> in(filter.id(), d.id()) && in(filter.storeId(), d.storeId())
                        && in(filter.productId(), d.productId())
                        && (filter.marketId() == null || d.marketIds().stream().anyMatch(filter.marketId()::contains))
                        && (marketId == null || d.marketIds().contains(marketId)),
                sort, SORT, limit, page);
    }

    @QueryMapping
    public List<Display> displays(@Argument DisplayFilter where, @Argument List<String> sort, @Argument Integer limit,
                                  @Argument Integer page) {
        return query(data, where, null, sort, limit, page);
    }

    @QueryMapping
    public Display display(@Argument int id) {
        return data.displays.find(id).orElse(null);
    }

    @MutationMapping
    public Payload createDisplay(@Argument DisplayInput input) {
        return data.write(() -> {
            var problems = new Problems();
            problems.requireText(input.name(), "name");
            var store = input.store().require(data.stores, "Store", "store", problems);
            var product = input.product().find(data.products, Product::externalId);
            if (product.isEmpty()) {
                problems.error("Product with " + input.product().describe() + " does not exist", "input", "product");
            }
            if (store.isPresent() && product.isPresent() && data.displays.stream().anyMatch(d ->
                    d.storeId() == store.get().id() && d.productId() == product.get().id())) {
                problems.error("Product " + product.get().id() + " already has a display in store "
                        + store.get().id(), "input", "product");
            }
            int productId = product.map(Product::id).orElse(0);
            var markets = markets(input.addMarkets(), store.map(Store::id).orElse(0), "addMarkets", problems);
            var variants = variants(input.addProductVariants(), productId, problems);
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            String uri = input.uri() != null ? input.uri() : CatalogueController.slug(input.name());
            var display = DisplayDetails.apply(data, new Display(0, input.name(), input.status(), uri,
                    store.get().id(), productId, variants, markets), input, problems);
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            display = DisplayDetails.apply(data, new Display(data.displays.nextId(), input.name(), input.status(),
                    uri, store.get().id(), productId, variants, markets), input, new Problems());
            return Payload.of(data.displays.put(display), problems);
        });
    }

    @MutationMapping
    public Payload updateDisplay(@Argument int id, @Argument DisplayInput input) {
        return data.write(() -> {
            var problems = new Problems();
            var found = data.displays.find(id);
            if (found.isEmpty()) {
                return Payload.rejected(problems.error("Display with id " + id + " does not exist", "id"));
            }
            var old = found.get();
            if (input.name() != null) {
                problems.requireText(input.name(), "name");
            }
            var addMarkets = markets(input.addMarkets(), old.storeId(), "addMarkets", problems);
            var removeMarkets = markets(input.removeMarkets(), old.storeId(), "removeMarkets", problems);
            var addVariants = variants(input.addProductVariants(), old.productId(), problems);
            var removeVariants = input.removeProductVariants() == null ? List.<Integer>of()
                    : input.removeProductVariants().stream().map(Ref::id).toList();
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            var marketIds = new LinkedHashSet<>(old.marketIds());
            marketIds.addAll(addMarkets);
            marketIds.removeAll(removeMarkets);
            var variantIds = new LinkedHashSet<>(old.productVariantIds());
            variantIds.addAll(addVariants);
            variantIds.removeAll(removeVariants);
            var updated = DisplayDetails.apply(data, new Display(id, input.name() != null ? input.name() : old.name(),
                    input.status() != null ? input.status() : old.status(),
                    input.uri() != null ? input.uri() : old.uri(), old.storeId(), old.productId(),
                    new ArrayList<>(variantIds), new ArrayList<>(marketIds), old.texts(), old.categoryIds(),
                    old.canonicalCategoryId()), input, problems);
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            return Payload.of(data.displays.put(updated), problems);
        });
    }

    @SchemaMapping(typeName = "Display", field = "store")
    public Store store(Display display) {
        return data.stores.find(display.storeId()).orElseThrow();
    }

    @SchemaMapping(typeName = "Display", field = "product")
    public Product product(Display display) {
        return data.products.find(display.productId()).orElseThrow();
    }

    @SchemaMapping(typeName = "Display", field = "productVariants")
    public List<ProductVariant> productVariants(Display display) {
        return display.productVariantIds().stream().flatMap(v -> data.productVariants.find(v).stream()).toList();
    }

    @SchemaMapping(typeName = "Display", field = "markets")
    public List<Market> markets(Display display) {
        return display.marketIds().stream().flatMap(m -> data.markets.find(m).stream()).toList();
    }

    private List<Integer> markets(List<Ref> refs, int storeId, String field, Problems problems) {
        List<Integer> ids = new ArrayList<>();
        for (Ref ref : refs == null ? List.<Ref>of() : refs) {
            var market = ref.find(data.markets, Market::externalId);
            if (market.isEmpty()) {
                problems.error("Market with " + ref.describe() + " does not exist", "input", field);
            } else if (market.get().storeId() != storeId) {
                problems.error("Market " + market.get().id() + " belongs to another store", "input", field);
            } else {
                ids.add(market.get().id());
            }
        }
        return ids;
    }

    private List<Integer> variants(List<VariantAdd> adds, int productId, Problems problems) {
        List<Integer> ids = new ArrayList<>();
        for (VariantAdd add : adds == null ? List.<VariantAdd>of() : adds) {
            var variant = add.productVariant().find(data.productVariants, ProductVariant::externalId);
            if (variant.isEmpty()) {
                problems.error("Product variant with " + add.productVariant().describe() + " does not exist",
                        "input", "addProductVariants");
            } else if (variant.get().productId() != productId) {
                problems.error("Product variant " + variant.get().id() + " is not a variant of product " + productId,
                        "input", "addProductVariants");
            } else {
                ids.add(variant.get().id());
            }
        }
        return ids;
    }
}
