package org.centraerp.connector.mapping;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The active customer's mappings ({@code connector.customer} under {@code connector.mappings-dir}),
 * loaded and checked once at start-up: a problem in any file stops the application with one error
 * that lists every problem by file, line and key.
 */
@Component
public class MappingRepository {

    private static final Logger LOG = LoggerFactory.getLogger(MappingRepository.class);

    private final MappingSet mappings;

    public MappingRepository(@Value("${connector.mappings-dir:mappings}") String mappingsDir,
                             @Value("${connector.customer:default}") String customer,
                             CamelContext camelContext) {
        this.mappings = new MappingValidator(camelContext).load(Path.of(mappingsDir), customer);
        LOG.info("Mappings of customer '{}' loaded from {}: {}", customer, mappings.directory(), mappings.flows());
    }

    public String customer() {
        return mappings.customer();
    }

    public LookupTables lookups() {
        return mappings.lookups();
    }

    /** The master-data export; fails with a hint when the customer has no master-data.yaml. */
    public MasterDataMapping masterData() {
        return mappings.masterData();
    }

    /** The stock import; fails with a hint when the customer has no stock mapping. */
    public StockMapping stock() {
        return mappings.stock();
    }

    /** The orders export (the customer's file of kind {@code orders}); fails with a hint when there is none. */
    public OrdersMapping orders() {
        return OrdersMapping.of(single(MappingKind.ORDERS, "orders.yaml"));
    }

    /** The product master import; fails with a hint when the customer has no mapping of kind products. */
    public ProductsMapping products() {
        return ProductsMapping.of(single(MappingKind.PRODUCTS, "products.yaml"));
    }

    /** The bundle import; fails with a hint when the customer has no mapping of kind bundles. */
    public ErpFileMapping bundles() {
        return ErpFileMapping.of(single(MappingKind.BUNDLES, "bundles.yaml"));
    }

    /** The price import; fails with a hint when the customer has no mapping of kind prices. */
    public ErpFileMapping prices() {
        return ErpFileMapping.of(single(MappingKind.PRICES, "prices.yaml"));
    }

    private MappingDocument single(MappingKind kind, String example) {
        List<MappingDocument> found = mappings.documents(kind);
        if (found.isEmpty()) {
            throw new IllegalStateException("No mapping of kind " + kind.yamlName() + " in " + mappings.directory()
                    + ": add " + example + " (copy mappings/default/" + example + ")");
        }
        return found.get(0);
    }

    /** The shipments import (kind {@code shipments}); fails with a hint when there is none. */
    public InboundDocumentsMapping shipments() {
        return inbound(MappingKind.SHIPMENTS, "shipments.yaml");
    }

    /** The returns import (kind {@code returns}); fails with a hint when there is none. */
    public InboundDocumentsMapping returns() {
        return inbound(MappingKind.RETURNS, "returns.yaml");
    }

    private InboundDocumentsMapping inbound(MappingKind kind, String example) {
        return documents(kind).stream().findFirst().map(InboundDocumentsMapping::of)
                .orElseThrow(() -> new IllegalStateException("No mapping of kind " + kind.yamlName() + " in "
                        + mappings.directory() + ": add " + example + " (copy mappings/default/" + example + ")"));
    }

    /** The mapping file {@code <flow>.yaml} of the active customer. */
    public Optional<MappingDocument> document(String flow) {
        return mappings.document(flow);
    }

    public List<MappingDocument> documents(MappingKind kind) {
        return mappings.documents(kind);
    }

    /** A compiled field list, e.g. {@code fieldMap("stock-to-centra", "fields")}. */
    public FieldMap fieldMap(String flow, String keyPath) {
        return mappings.fieldMap(flow, keyPath);
    }

    public MappingSet mappings() {
        return mappings;
    }
}
