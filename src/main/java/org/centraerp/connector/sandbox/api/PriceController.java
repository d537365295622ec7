package org.centraerp.connector.sandbox.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.store.Display;
import org.centraerp.connector.sandbox.store.Money;
import org.centraerp.connector.sandbox.store.PriceTable;
import org.centraerp.connector.sandbox.store.Pricelist;
import org.centraerp.connector.sandbox.store.Product;
import org.centraerp.connector.sandbox.store.ProductVariant;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.webhook.SandboxEvents;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code setPrices}: a batch of product prices (with variant overrides) for one pricelist. A wrong pricelist or a
 * price in another currency than the pricelist's rejects the call with userErrors; an entry for an unknown product or
 * a variant of another product is skipped with a userWarning and the rest is saved, as Centra's ERP guide describes.
 */
@Controller
@ConditionalOnSandboxEnabled
public class PriceController {

    record MoneyInput(java.math.BigDecimal value, String currencyIsoCode) {
        Money money() {
            return new Money(value, currencyIsoCode);
        }
    }

    record VariantPriceSetInput(Ref productVariant, MoneyInput price, MoneyInput priceBeforeDiscount) {
    }

    record ProductPriceSetInput(Ref product, MoneyInput price, MoneyInput priceBeforeDiscount,
                                Boolean overrideIndividualVariantPrices,
                                List<VariantPriceSetInput> individualVariantPrices) {
    }

    record PricesSetInput(Ref pricelist, List<ProductPriceSetInput> productPrices) {
    }

    /** One price of a display or variant in one pricelist. */
    public record DisplayPrice(Pricelist pricelist, MonetaryValue price, MonetaryValue priceBeforeDiscount) {
    }

    /** Centra's EventObjectType for prices (setPrices and setAlteredPrices). */
    public static final String PRICE_EVENT = "Price";

    private final SandboxData data;
    private final SandboxEvents events;

    public PriceController(SandboxData data, SandboxEvents events) {
        this.data = data;
        this.events = events;
    }

    @MutationMapping
    public Payload setPrices(@Argument PricesSetInput input) {
        return data.write(() -> {
            var problems = new Problems();
            var pricelist = input.pricelist().find(data.pricelists, Pricelist::externalId);
            if (pricelist.isEmpty()) {
                return Payload.rejected(problems.error("Pricelist with " + input.pricelist().describe()
                        + " does not exist", "input", "pricelist"));
            }
            String currency = data.currencies.find(pricelist.get().currencyId()).orElseThrow().code();
            for (int i = 0; i < input.productPrices().size(); i++) {
                var entry = input.productPrices().get(i);
                checkCurrency(entry.price(), currency, problems, i, "price");
                checkCurrency(entry.priceBeforeDiscount(), currency, problems, i, "priceBeforeDiscount");
                for (var variant : list(entry.individualVariantPrices())) {
                    checkCurrency(variant.price(), currency, problems, i, "individualVariantPrices");
                    checkCurrency(variant.priceBeforeDiscount(), currency, problems, i, "individualVariantPrices");
                }
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            for (var entry : input.productPrices()) {
                apply(pricelist.get().id(), entry, problems);
            }
            return Payload.of(pricelist.get(), problems);
        });
    }

    private void apply(int pricelistId, ProductPriceSetInput entry, Problems problems) {
        var product = entry.product().find(data.products, Product::externalId);
        if (product.isEmpty()) {
            problems.warning("Product with " + entry.product().describe() + " does not exist, skipped",
                    "input", "productPrices");
            return;
        }
        int productId = product.get().id();
        Map<Integer, PriceTable.Price> variants = new HashMap<>();
        if (!Boolean.TRUE.equals(entry.overrideIndividualVariantPrices())) {
            data.prices.get(pricelistId, productId).ifPresent(old -> variants.putAll(old.variantPrices()));
        }
        for (var variantPrice : list(entry.individualVariantPrices())) {
            Optional<ProductVariant> variant = variantPrice.productVariant()
                    .find(data.productVariants, ProductVariant::externalId);
            if (variant.isEmpty() || variant.get().productId() != productId) {
                problems.warning("Product variant with " + variantPrice.productVariant().describe()
                        + " not assigned to product " + productId + ", skipped", "input", "productPrices");
                continue;
            }
            variants.put(variant.get().id(), price(variantPrice.price(), variantPrice.priceBeforeDiscount()));
        }
        boolean existed = data.prices.get(pricelistId, productId).isPresent();
        data.prices.put(pricelistId, productId, new PriceTable.ProductPrice(
                price(entry.price(), entry.priceBeforeDiscount()), variants));
        // Centra's event object type Price; guess: the reference "<pricelistId>-<productId>" (a base price has no id)
        events.changed(PRICE_EVENT, existed ? "UPDATED" : "CREATED", pricelistId + "-" + productId,
                data.pricelists.find(pricelistId).map(Pricelist::storeId).orElse(null), null);
    }

    @SchemaMapping(typeName = "Display", field = "prices")
    public List<DisplayPrice> displayPrices(Display display) {
        List<DisplayPrice> prices = new ArrayList<>();
        for (Pricelist pricelist : data.pricelists.all()) {
            if (pricelist.storeId() == display.storeId()) {
                data.prices.get(pricelist.id(), display.productId())
                        .ifPresent(p -> prices.add(view(pricelist, p.price())));
            }
        }
        return prices;
    }

    @SchemaMapping(typeName = "ProductVariant", field = "prices")
    public List<DisplayPrice> variantPrices(ProductVariant variant) {
        List<DisplayPrice> prices = new ArrayList<>();
        for (Pricelist pricelist : data.pricelists.all()) {
            data.prices.variantPrice(pricelist.id(), variant.productId(), variant.id())
                    .ifPresent(p -> prices.add(view(pricelist, p)));
        }
        return prices;
    }

    private DisplayPrice view(Pricelist pricelist, PriceTable.Price price) {
        return new DisplayPrice(pricelist, MonetaryValue.of(price.price(), data),
                MonetaryValue.of(price.priceBeforeDiscount(), data));
    }

    private static PriceTable.Price price(MoneyInput price, MoneyInput before) {
        return new PriceTable.Price(price.money(), before == null ? null : before.money());
    }

    private static void checkCurrency(MoneyInput money, String currency, Problems problems, int index, String field) {
        if (money != null && !currency.equalsIgnoreCase(money.currencyIsoCode())) {
            problems.error("Currency " + money.currencyIsoCode() + " does not match the pricelist's currency "
                    + currency, "input", "productPrices", String.valueOf(index), field);
        }
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
