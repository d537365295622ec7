package org.centraerp.connector.flows.prices;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.centraerp.connector.erp.ErpCsvReader;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.flows.catalogue.SkuVariants;
import org.centraerp.connector.flows.catalogue.SkuVariants.VariantRef;
import org.centraerp.connector.mapping.ErpFileMapping;
import org.centraerp.connector.mapping.FieldType;
import org.centraerp.connector.mapping.MappedRecord;
import org.centraerp.connector.state.CatalogueIds;

/**
 * An ERP price row to a {@link PriceRow}: its pricelist by Centra id or name, its variant by SKU (or product
 * number and variant code, as the product import keys them), checked against the pricelist's currency.
 */
final class PriceRowResolver {

    /** Either a row or why it cannot be sent. */
    record Result(PriceRow row, String key, String pricelist, String problem) {
    }

    private record Pricelist(long id, String name, String currency) {
    }

    private final ErpFileMapping mapping;
    private final CentraClient centra;
    private final CatalogueIds ids;
    private final Map<String, Pricelist> pricelists = new HashMap<>();
    private final SkuVariants skus;

    PriceRowResolver(ErpFileMapping mapping, CentraClient centra, CatalogueIds ids) {
        this.mapping = mapping;
        this.centra = centra;
        this.ids = ids;
        this.skus = new SkuVariants(centra, ids);
        centra.pages("pricelists", Map.of(), "pricelists", CentraClient.MAX_PAGE_SIZE).forEach(p -> {
            Pricelist pricelist = new Pricelist(p.path("id").asLong(), p.path("name").asText(),
                    p.path("currency").path("code").asText());
            pricelists.put(String.valueOf(pricelist.id()), pricelist);
            pricelists.putIfAbsent(p.path("name").asText().toLowerCase(Locale.ROOT), pricelist);
        });
    }

    Result resolve(ErpCsvReader.Row row) {
        MappedRecord mapped = mapping.fields().apply(row.values());
        Map<String, Object> v = mapped.values();
        String sku = text(v, "sku");
        String key = sku != null ? sku : text(v, "productNumber") + "|" + text(v, "variantCode");
        String listed = text(v, "pricelist");
        if (!mapped.isValid()) {
            return new Result(null, key, listed, String.join("; ", mapped.problems().stream()
                    .map(p -> "field " + p.field() + ": " + p.reason()).toList()));
        }
        String pricelistName = listed;
        if (pricelistName == null || text(v, "currency") == null) {
            return new Result(null, key, listed, "field pricelist or currency: missing");
        }
        if (sku == null && text(v, "productNumber") == null) {
            return new Result(null, key, listed, "field sku: missing (or map productNumber and variantCode)");
        }
        Pricelist pricelist = pricelists.get(pricelistName.toLowerCase(Locale.ROOT));
        if (pricelist == null) {
            return new Result(null, key, listed, "unknown pricelist '" + pricelistName + "': Centra has no pricelist of that "
                    + "id or name (see the pricelists export, or the lookup in " + mapping.file() + ")");
        }
        String currency = text(v, "currency").toUpperCase(Locale.ROOT);
        if (!currency.equals(pricelist.currency())) {
            return new Result(null, key, pricelist.name(), "currency " + currency + " is not the currency of pricelist '"
                    + pricelist.name() + "' (" + pricelist.currency() + ")");
        }
        Optional<VariantRef> variant = sku != null ? bySku(sku) : byVariantKey(key);
        if (variant.isEmpty()) {
            return new Result(null, key, pricelist.name(), "unknown " + (sku != null ? "SKU" : "variant") + " '" + key
                    + "': not in Centra (import the product first)");
        }
        BigDecimal price;
        BigDecimal sale;
        try {
            price = decimal("price", v.get("price"));
            sale = decimal("salePrice", v.get("salePrice"));
        } catch (IllegalArgumentException e) {
            return new Result(null, key, pricelist.name(), e.getMessage());
        }
        if (price == null || price.signum() < 0 || (sale != null && sale.signum() < 0)) {
            return new Result(null, key, pricelist.name(), "field price: missing or negative");
        }
        return new Result(new PriceRow(row.line(), key, pricelist.id(), pricelist.name(), variant.get().productId(),
                variant.get().variantId(), currency, sale != null ? sale : price, sale != null ? price : null),
                key, pricelist.name(), null);
    }

    private Optional<VariantRef> bySku(String sku) {
        return skus.find(sku);
    }

    private Optional<VariantRef> byVariantKey(String key) {
        return ids.find("ProductVariant", key).filter(id -> id.parentId() != null)
                .map(id -> new VariantRef(id.id(), id.parentId()));
    }

    /** Checked as a decimal even when the mapping gives no type: Centra must never see 1e9999 (Infinity). */
    private static BigDecimal decimal(String field, Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return (BigDecimal) FieldType.DECIMAL.convert(value, null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field " + field + ": " + e.getMessage(), e);
        }
    }

    private static String text(Map<String, Object> values, String field) {
        Object value = values.get(field);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
