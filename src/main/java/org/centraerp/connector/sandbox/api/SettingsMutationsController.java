package org.centraerp.connector.sandbox.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.graphql.ListQuery;
import org.centraerp.connector.sandbox.store.AlteredPrice;
import org.centraerp.connector.sandbox.store.Currency;
import org.centraerp.connector.sandbox.store.Money;
import org.centraerp.connector.sandbox.store.PriceAlteration;
import org.centraerp.connector.sandbox.store.Pricelist;
import org.centraerp.connector.sandbox.store.Product;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Status;
import org.centraerp.connector.sandbox.store.Warehouse;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * createWarehouse, updateWarehouse, deleteMarket, deletePricelist, removeSizeChart/deleteSizeChart and setAlteredPrices; the prices of a price
 * alteration (15-settings-mutations.graphqls). Deleting what is still in use is a userError, as in Centra's AMS.
 */
@Controller
@ConditionalOnSandboxEnabled
public class SettingsMutationsController {

    record WarehouseCreateInput(String name, Status status, Integer threshold, String stockMaster,
                                String stockOwnership, String allocationPolicy, Boolean isHiddenFromStockView,
                                Boolean isConsignation, CountryRef country, String externalId) {
    }

    record WarehouseUpdateInput(String name, Status status, Integer threshold, String stockMaster,
                                String stockOwnership, String allocationPolicy, Boolean isHiddenFromStockView,
                                Boolean isConsignation, CountryRef country, String externalId) {
    }

    record MoneyInput(BigDecimal value, String currencyIsoCode) {
    }

    record ProductPriceInput(Ref product, MoneyInput price, MoneyInput priceBeforeDiscount) {
    }

    record AlteredPricesInput(Ref priceAlteration, Ref pricelist, List<ProductPriceInput> productPrices) {
    }

    record PriceFilter(List<Integer> pricelistId, List<Integer> productId) {
    }

    /** What setAlteredPrices answers. */
    public record AlteredPrices(PriceAlteration priceAlteration, Pricelist pricelist, List<Product> products) {
    }

    private final SandboxData data;

    public SettingsMutationsController(SandboxData data) {
        this.data = data;
    }

    @MutationMapping
    public Payload createWarehouse(@Argument WarehouseCreateInput input) {
        return data.write(() -> {
            var problems = new Problems();
            problems.requireText(input.name(), "name");
            if (data.warehouses.stream().anyMatch(w -> w.name().equalsIgnoreCase(String.valueOf(input.name())))) {
                // guess: Centra's wording, as for pricelists
                problems.error("Warehouse with name \"" + input.name() + "\" already exists", "input", "name");
            }
            Integer countryId = null;
            if (input.country() != null) {
                var country = input.country().find(data);
                if (country.isEmpty()) {
                    problems.error("Country with " + input.country().describe() + " does not exist", "input",
                            "country");
                } else {
                    countryId = country.get().id();
                }
            }
            if (input.threshold() != null && input.threshold() < 0) {
                problems.error("Threshold must not be negative", "input", "threshold");
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            Warehouse warehouse = data.warehouses.put(new Warehouse(data.warehouses.nextId(), input.name(),
                    input.status(), Boolean.TRUE.equals(input.isHiddenFromStockView()),
                    input.threshold() == null ? 0 : input.threshold(), or(input.stockMaster(), "INTERNAL"),
                    or(input.stockOwnership(), "OWNED"), or(input.allocationPolicy(), "ALLOCATE"),
                    Boolean.TRUE.equals(input.isConsignation()), countryId, input.externalId()));
            return Payload.of(warehouse, problems);
        });
    }

    @SchemaMapping(typeName = "WarehouseCreatePayload", field = "warehouse")
    public Object warehouse(Payload payload) {
        return payload.object();
    }

    /** Changes only the fields given; a name another warehouse has is a userError, as on create. */
    @MutationMapping
    public Payload updateWarehouse(@Argument int id, @Argument WarehouseUpdateInput input) {
        return data.write(() -> {
            var problems = new Problems();
            var found = data.warehouses.find(id);
            if (found.isEmpty()) {
                return Payload.rejected(problems.error("Warehouse with id " + id + " does not exist", "id"));
            }
            Warehouse w = found.get();
            if (input.name() != null) {
                problems.requireText(input.name(), "name");
                if (data.warehouses.stream().anyMatch(o -> o.id() != id && o.name().equalsIgnoreCase(input.name()))) {
                    // guess: Centra's wording, as on create
                    problems.error("Warehouse with name \"" + input.name() + "\" already exists", "input", "name");
                }
            }
            if (input.threshold() != null && input.threshold() < 0) {
                problems.error("Threshold must not be negative", "input", "threshold");
            }
            Integer countryId = w.countryId();
            if (input.country() != null) {
                var country = input.country().find(data);
                if (country.isEmpty()) {
                    problems.error("Country with " + input.country().describe() + " does not exist", "input",
                            "country");
                } else {
                    countryId = country.get().id();
                }
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            Warehouse updated = data.warehouses.put(new Warehouse(id, or(input.name(), w.name()),
                    input.status() != null ? input.status() : w.status(),
                    input.isHiddenFromStockView() != null ? input.isHiddenFromStockView() : w.isHiddenFromStockView(),
                    input.threshold() != null ? input.threshold() : w.threshold(),
                    or(input.stockMaster(), w.stockMaster()), or(input.stockOwnership(), w.stockOwnership()),
                    or(input.allocationPolicy(), w.allocationPolicy()),
                    input.isConsignation() != null ? input.isConsignation() : w.isConsignation(), countryId,
                    or(input.externalId(), w.externalId())));
            return Payload.of(updated, problems);
        });
    }

    @SchemaMapping(typeName = "WarehouseUpdatePayload", field = "warehouse")
    public Object updatedWarehouse(Payload payload) {
        return payload.object();
    }

    /** Removes a market no order, customer, account or display uses (those stay, with a userError). */
    @MutationMapping
    public Payload deleteMarket(@Argument int id) {
        return data.write(() -> {
            var problems = new Problems();
            if (!data.markets.exists(id)) {
                return Payload.rejected(problems.error("Market with id " + id + " does not exist", "id"));
            }
            Integer market = id;
            // guess: Centra's wording; the AMS keeps a market that is in use
            if (data.orders.stream().anyMatch(o -> market.equals(o.marketId()))) {
                problems.error("Market " + id + " is used by orders and cannot be deleted", "id");
            }
            if (data.customers.stream().anyMatch(c -> market.equals(c.marketId()))) {
                problems.error("Market " + id + " is used by customers and cannot be deleted", "id");
            }
            if (data.accounts.stream().anyMatch(a -> market.equals(a.marketId()))) {
                problems.error("Market " + id + " is used by accounts and cannot be deleted", "id");
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            data.markets.remove(id);
            data.displays.stream().filter(d -> d.marketIds().contains(market)).toList().forEach(d ->
                    data.displays.put(d.withMarketIds(d.marketIds().stream().filter(m -> !m.equals(market)).toList())));
            return Payload.of(null, problems);
        });
    }

    @MutationMapping
    public Payload deletePricelist(@Argument int id) {
        return data.write(() -> {
            var problems = new Problems();
            if (!data.pricelists.exists(id)) {
                return Payload.rejected(problems.error("Pricelist with id " + id + " does not exist", "id"));
            }
            // guess: Centra's wording; a pricelist that orders or accounts use stays
            if (data.orders.stream().anyMatch(o -> o.pricelistId() != null && o.pricelistId() == id)) {
                problems.error("Pricelist " + id + " is used by orders and cannot be deleted", "id");
            }
            if (data.accounts.stream().anyMatch(a -> a.pricelistId() != null && a.pricelistId() == id)) {
                problems.error("Pricelist " + id + " is used by accounts and cannot be deleted", "id");
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            data.pricelists.remove(id);
            data.alteredPrices.stream().filter(p -> p.pricelistId() == id).toList()
                    .forEach(p -> data.alteredPrices.remove(p.id()));
            return Payload.of(null, problems);
        });
    }

    @MutationMapping
    public Payload removeSizeChart(@Argument int id) {
        return deleteSizeChart(id);
    }

    @MutationMapping
    public Payload deleteSizeChart(@Argument int id) {
        return data.write(() -> {
            var problems = new Problems();
            if (!data.sizeCharts.exists(id)) {
                return Payload.rejected(problems.error("Size chart with id " + id + " does not exist", "id"));
            }
            if (data.productVariants.stream().anyMatch(v -> v.sizeChartId() != null && v.sizeChartId() == id)) {
                // guess: Centra's wording; a size chart with variants keeps its sizes
                return Payload.rejected(problems.error("Size chart " + id + " is used by product variants and"
                        + " cannot be removed", "id"));
            }
            data.sizeCharts.remove(id);
            return Payload.of(null, problems);
        });
    }

    @MutationMapping
    public Payload setAlteredPrices(@Argument AlteredPricesInput input) {
        return data.write(() -> {
            var problems = new Problems();
            var alteration = input.priceAlteration().require(data.priceAlterations, "Price alteration",
                    "priceAlteration", problems);
            var pricelist = input.pricelist().find(data.pricelists, Pricelist::externalId);
            if (pricelist.isEmpty()) {
                problems.error("Pricelist with " + input.pricelist().describe() + " does not exist", "input",
                        "pricelist");
            }
            String currency = pricelist.flatMap(p -> data.currencies.find(p.currencyId())).map(Currency::code)
                    .orElse(null);
            if (alteration.isPresent() && pricelist.isPresent()
                    && alteration.get().storeId() != pricelist.get().storeId()) {
                problems.error("Pricelist " + pricelist.get().id() + " belongs to another store than price alteration "
                        + alteration.get().id(), "input", "pricelist");
            }
            Map<Integer, ProductPriceInput> byProduct = new LinkedHashMap<>();
            for (ProductPriceInput price : input.productPrices()) {
                var product = price.product().find(data.products, Product::externalId);
                if (product.isEmpty()) {
                    problems.error("Product with " + price.product().describe() + " does not exist", "input",
                            "productPrices");
                } else if (currency != null && !currency.equalsIgnoreCase(price.price().currencyIsoCode())) {
                    problems.error("Price currency " + price.price().currencyIsoCode() + " does not match the"
                            + " pricelist's currency " + currency, "input", "productPrices");
                } else {
                    byProduct.put(product.get().id(), price);
                }
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            int alterationId = alteration.get().id();
            int pricelistId = pricelist.get().id();
            List<Product> products = new ArrayList<>();
            byProduct.forEach((productId, price) -> {
                int id = data.alteredPrices.stream().filter(p -> p.priceAlterationId() == alterationId
                                && p.pricelistId() == pricelistId && p.productId() == productId)
                        .mapToInt(AlteredPrice::id).findFirst().orElseGet(data.alteredPrices::nextId);
                data.alteredPrices.put(new AlteredPrice(id, alterationId, pricelistId, productId,
                        money(price.price()), money(price.priceBeforeDiscount())));
                products.add(data.products.find(productId).orElseThrow());
            });
            return Payload.of(new AlteredPrices(alteration.get(), pricelist.get(), products), problems);
        });
    }

    @SchemaMapping(typeName = "AlteredPricesSetPayload", field = "priceAlteration")
    public PriceAlteration alteredPriceAlteration(Payload payload) {
        return payload.object() == null ? null : ((AlteredPrices) payload.object()).priceAlteration();
    }

    @SchemaMapping(typeName = "AlteredPricesSetPayload", field = "pricelist")
    public Pricelist alteredPricelist(Payload payload) {
        return payload.object() == null ? null : ((AlteredPrices) payload.object()).pricelist();
    }

    @SchemaMapping(typeName = "AlteredPricesSetPayload", field = "products")
    public List<Product> alteredProducts(Payload payload) {
        return payload.object() == null ? List.of() : ((AlteredPrices) payload.object()).products();
    }

    /** The prices setAlteredPrices gave the alteration. */
    @SchemaMapping(typeName = "PriceAlteration", field = "prices")
    public List<AlteredPrice> prices(PriceAlteration alteration, @Argument PriceFilter where, @Argument Integer limit,
                                     @Argument Integer page) {
        return ListQuery.runAll(data.alteredPrices.stream().filter(p -> p.priceAlterationId() == alteration.id()),
                p -> where == null || (where.pricelistId() == null || where.pricelistId().contains(p.pricelistId()))
                        && (where.productId() == null || where.productId().contains(p.productId())),
                null, Map.of(), limit, page);
    }

    @SchemaMapping(typeName = "Price", field = "price")
    public MonetaryValue price(AlteredPrice price) {
        return MonetaryValue.of(price.price(), data);
    }

    @SchemaMapping(typeName = "Price", field = "recommendedRetailPrice")
    public MonetaryValue recommendedRetailPrice(AlteredPrice price) {
        return MonetaryValue.of(price.priceBeforeDiscount(), data);
    }

    @SchemaMapping(typeName = "Price", field = "pricelist")
    public Pricelist pricelist(AlteredPrice price) {
        return data.pricelists.find(price.pricelistId()).orElse(null);
    }

    @SchemaMapping(typeName = "Price", field = "product")
    public Product product(AlteredPrice price) {
        return data.products.find(price.productId()).orElse(null);
    }

    @SchemaMapping(typeName = "Price", field = "productVariant")
    public Object productVariant(AlteredPrice price) {
        return null;
    }

    private static Money money(MoneyInput input) {
        return input == null ? null : new Money(input.value(), input.currencyIsoCode());
    }

    private static String or(String given, String fallback) {
        return given != null ? given : fallback;
    }
}
