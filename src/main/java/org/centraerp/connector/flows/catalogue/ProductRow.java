package org.centraerp.connector.flows.catalogue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One mapped row of the product master: one size of one variant (colour) of one product (style).
 *
 * @param line       the file line, for the report
 * @param sizeNumber the SKU suffix Centra appends to product number + variant number (null: none)
 */
public record ProductRow(long line, String productNumber, String productName, String productStatus, String brand,
                         String collection, String folder, String countryOfOrigin, String harmonizedCommodityCode,
                         String variantCode, String variantNumber, String variantName, String variantStatus,
                         String sizeChart, String size, String sku, String sizeNumber, String ean, String upc) {

    public String productKey() {
        return productNumber;
    }

    public String variantKey() {
        return productNumber + "|" + variantCode;
    }

    public String sizeKey() {
        return variantKey() + "|" + size;
    }

    /** Hashes of what is sent per level: a changed hash is what makes the connector send an update. */
    String productHash() {
        return hash(productName, productStatus, brand, collection, folder, countryOfOrigin, harmonizedCommodityCode);
    }

    String variantHash() {
        return hash(variantName, variantNumber, variantStatus);
    }

    String sizeHash() {
        return hash(sizeNumber, ean, upc);
    }

    /** A digest of the values, for "changed since last sent" (nulls kept apart from empty text). */
    static String hash(String... values) {
        String joined = Stream.of(values).map(v -> Objects.toString(v, "\u0000")).collect(Collectors.joining("\u001f"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
