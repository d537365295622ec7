package org.centraerp.connector.ops;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.flows.catalogue.BundlePreview;
import org.centraerp.connector.flows.catalogue.CatalogueProperties;
import org.centraerp.connector.flows.catalogue.ProductPreview;
import org.centraerp.connector.flows.prices.PricePreview;
import org.centraerp.connector.flows.returns.ReturnFilePreview;
import org.centraerp.connector.flows.shipments.ShipmentPreview;
import org.centraerp.connector.flows.shipments.ShipmentProgress;
import org.centraerp.connector.flows.stock.StockPreview;
import org.centraerp.connector.flows.stock.StockProperties;
import org.centraerp.connector.mapping.MappingRepository;
import org.centraerp.connector.state.CatalogueIds;
import org.centraerp.connector.state.SentValues;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The ERP → Centra side of {@code preview}: {@code preview <flow> <file>} reads an ERP file with the flow's mapping
 * and prints what would be sent, sending nothing and remembering nothing (only queries run).
 */
@Component
public class FilePreviews {

    /** The verbs, as in {@code preview stock samples/stock/stock.csv}. */
    static final String USAGE = "stock <file> | products <file> | bundles <file> | prices <file> | shipments <file>"
            + " | returns-file <file>";

    private final CentraClient centra;
    private final MappingRepository mappings;
    private final ObjectProvider<SentValues> sentValues;
    private final ObjectProvider<StockProperties> stockProperties;
    private final ObjectProvider<CatalogueIds> catalogueIds;
    private final ObjectProvider<CatalogueProperties> catalogueProperties;
    private final ObjectProvider<ShipmentProgress> shipmentProgress;

    public FilePreviews(CentraClient centra, MappingRepository mappings, ObjectProvider<SentValues> sentValues,
                        ObjectProvider<StockProperties> stockProperties, ObjectProvider<CatalogueIds> catalogueIds,
                        ObjectProvider<CatalogueProperties> catalogueProperties,
                        ObjectProvider<ShipmentProgress> shipmentProgress) {
        this.centra = centra;
        this.mappings = mappings;
        this.sentValues = sentValues;
        this.stockProperties = stockProperties;
        this.catalogueIds = catalogueIds;
        this.catalogueProperties = catalogueProperties;
        this.shipmentProgress = shipmentProgress;
    }

    /** The preview's exit status, or empty when {@code flow} is not an ERP → Centra file flow. */
    public Optional<Integer> run(String flow, String file, PrintStream out) {
        Path path = Path.of(file);
        return switch (flow) {
            case "stock" -> Optional.of(new StockPreview(centra, sentValues.getObject(), stockProperties.getObject())
                    .run(mappings.stock(), path, out));
            case "products" -> Optional.of(new ProductPreview(centra, catalogueIds.getObject(), sentValues.getObject())
                    .run(mappings.products(), path, out));
            case "bundles" -> Optional.of(new BundlePreview(centra, catalogueIds.getObject(), sentValues.getObject())
                    .run(mappings.bundles(), path, out));
            case "prices" -> Optional.of(new PricePreview(centra, catalogueIds.getObject(), sentValues.getObject(),
                    catalogueProperties.getObject()).run(mappings.prices(), path, out));
            case "shipments" -> Optional.of(new ShipmentPreview(centra, shipmentProgress.getObject())
                    .run(mappings.shipments(), path, out));
            case "returns-file" -> Optional.of(new ReturnFilePreview(centra, shipmentProgress.getObject())
                    .run(mappings.returns(), path, out));
            default -> Optional.empty();
        };
    }
}
