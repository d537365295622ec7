package org.centraerp.connector.flows.catalogue;

/**
 * One row of an ERP bundle file: one component of a bundle, mapped with {@code mappings/<customer>/bundles.yaml}.
 *
 * @param line          the row's line in the file
 * @param bundleNumber  the ERP key of the bundle (its product number in Centra)
 * @param componentSku  a size SKU of the component variant
 * @param quantity      units of the component in one bundle
 */
record BundleRow(long line, String bundleNumber, String name, String status, String type, String priceType,
                 String sizeChart, String size, String componentSku, int quantity) {

    String key() {
        return bundleNumber + "|" + componentSku;
    }

    /** What the bundle itself is, the same on every row of one bundle. */
    String bundleValues() {
        return String.join("|", name, status, type, priceType, sizeChart);
    }
}
