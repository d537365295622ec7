package org.centraerp.connector.flows.catalogue;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.centraerp.connector.erp.ErpCsvReader;
import org.centraerp.connector.mapping.MappedRecord;
import org.centraerp.connector.mapping.ProductsMapping;

/** An ERP row to a {@link ProductRow} through the customer's products mapping, or the reason it cannot be used. */
final class ProductRowMapper {

    /** Either a row or why the ERP row cannot be used. */
    record Result(ProductRow row, String problem) {
        Optional<ProductRow> valid() {
            return Optional.ofNullable(row);
        }
    }

    private static final Set<String> STATUSES = Set.of("ACTIVE", "INACTIVE");

    private final ProductsMapping mapping;

    ProductRowMapper(ProductsMapping mapping) {
        this.mapping = mapping;
    }

    Result map(ErpCsvReader.Row row) {
        MappedRecord mapped = mapping.erpFile().fields().apply(row.values());
        if (!mapped.isValid()) {
            return new Result(null, mapped.problems().stream().map(p -> "field " + p.field() + ": " + p.reason())
                    .collect(Collectors.joining("; ")));
        }
        Map<String, Object> v = mapped.values();
        String productNumber = text(v, "productNumber");
        String variantCode = text(v, "variantCode");
        String variantNumber = Objects.requireNonNullElse(text(v, "variantNumber"), variantCode);
        String productStatus = status(text(v, "productStatus"));
        String variantStatus = status(text(v, "variantStatus"));
        if (productStatus == null || variantStatus == null) {
            return new Result(null, "field productStatus/variantStatus: not ACTIVE or INACTIVE");
        }
        String sku = text(v, "sku");
        String sizeNumber = text(v, "sizeNumber");
        if (sizeNumber == null && sku != null) {
            String prefix = productNumber + variantNumber;
            if (!sku.startsWith(prefix)) {
                return new Result(null, "field sku: '" + sku + "' does not start with product number + variant number '"
                        + prefix + "' (Centra builds the SKU from them and the size number); map sizeNumber, or "
                        + "variantNumber so that it does, in " + mapping.file());
            }
            sizeNumber = sku.substring(prefix.length());
        }
        return new Result(new ProductRow(row.line(), productNumber, text(v, "productName"), productStatus,
                text(v, "brand"), text(v, "collection"), text(v, "folder"), text(v, "countryOfOrigin"),
                text(v, "harmonizedCommodityCode"), variantCode, variantNumber, text(v, "variantName"),
                variantStatus, text(v, "sizeChart"), text(v, "size"), sku, sizeNumber, text(v, "ean"),
                text(v, "upc")), null);
    }

    private static String status(String value) {
        String status = value == null ? "ACTIVE" : value.toUpperCase(Locale.ROOT);
        return STATUSES.contains(status) ? status : null;
    }

    private static String text(Map<String, Object> values, String field) {
        Object value = values.get(field);
        String text = value == null ? null : value.toString().strip();
        return text == null || text.isEmpty() ? null : text;
    }
}
