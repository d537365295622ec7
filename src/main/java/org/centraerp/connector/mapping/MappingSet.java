package org.centraerp.connector.mapping;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All validated mappings of one customer. */
public final class MappingSet {

    private final String customer;
    private final Path directory;
    private final Map<String, MappingDocument> documents;
    private final LookupTables lookups;
    private final MasterDataMapping masterData;
    private final StockMapping stock;

    MappingSet(String customer, Path directory, Map<String, MappingDocument> documents, LookupTables lookups,
               MasterDataMapping masterData, StockMapping stock) {
        this.customer = customer;
        this.directory = directory;
        this.documents = Map.copyOf(documents);
        this.lookups = lookups;
        this.masterData = masterData;
        this.stock = stock;
    }

    public String customer() {
        return customer;
    }

    public Path directory() {
        return directory;
    }

    public LookupTables lookups() {
        return lookups;
    }

    /** The master-data export; fails with a hint when this customer has none. */
    public MasterDataMapping masterData() {
        if (masterData == null) {
            throw new IllegalStateException("No mapping of kind master-data in " + directory
                    + ": add master-data.yaml (copy mappings/default/master-data.yaml)");
        }
        return masterData;
    }

    /** The stock import; fails with a hint when this customer has none. */
    public StockMapping stock() {
        if (stock == null) {
            throw new IllegalStateException("No mapping of kind stock in " + directory
                    + ": add stock.yaml (copy mappings/default/stock.yaml)");
        }
        return stock;
    }

    /** The file names (without .yaml) of every mapping, sorted. */
    public List<String> flows() {
        return documents.keySet().stream().sorted().toList();
    }

    /** The mapping file {@code <flow>.yaml}, if there is one. */
    public Optional<MappingDocument> document(String flow) {
        return Optional.ofNullable(documents.get(flow));
    }

    public List<MappingDocument> documents(MappingKind kind) {
        return documents.values().stream().filter(d -> d.kind() == kind)
                .sorted(java.util.Comparator.comparing(MappingDocument::flow)).toList();
    }

    /** Shortcut for {@code document(flow).fieldMap(keyPath)} with a clear error when either is missing. */
    public FieldMap fieldMap(String flow, String keyPath) {
        return document(flow).orElseThrow(() -> new IllegalArgumentException(
                "No mapping file " + flow + ".yaml in " + directory)).fieldMap(keyPath);
    }
}
