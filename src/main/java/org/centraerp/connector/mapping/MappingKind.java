package org.centraerp.connector.mapping;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a mapping file describes, named by its {@code kind:} line. Each kind has a JSON schema at
 * {@code mapping-schemas/<kind>.schema.json}; field lists in every kind share {@code field.schema.json}.
 */
public enum MappingKind {
    LOOKUPS("lookups"),
    MASTER_DATA("master-data"),
    ORDERS("orders"),
    SHIPMENTS("shipments"),
    RETURNS("returns"),
    RETURNS_EXPORT("returns-export"),
    PRODUCTS("products"),
    BUNDLES("bundles"),
    PRICES("prices"),
    STOCK("stock"),
    /** One Centra list to the ERP, record by record (e.g. customers), for routes built on the centra: component. */
    EXPORT("export");

    private final String yamlName;

    MappingKind(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public String schemaResource() {
        return "mapping-schemas/" + yamlName + ".schema.json";
    }

    public static Optional<MappingKind> fromYaml(String name) {
        return Arrays.stream(values()).filter(k -> k.yamlName.equals(name)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(MappingKind::yamlName).collect(Collectors.joining(", "));
    }
}
