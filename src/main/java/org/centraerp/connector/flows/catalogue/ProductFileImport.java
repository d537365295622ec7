package org.centraerp.connector.flows.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.centraerp.connector.erp.ErpCsvReader;
import org.centraerp.connector.erp.ErpFileFailures;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraClock;
import org.centraerp.connector.centra.QuotaForecast;
import org.centraerp.connector.flows.catalogue.ImportReport.Outcome;
import org.centraerp.connector.mapping.MappingRepository;
import org.centraerp.connector.mapping.ProductsMapping;
import org.centraerp.connector.ops.FlowProbe;
import org.centraerp.connector.state.CatalogueIds;
import org.centraerp.connector.state.SentValues;
import org.centraerp.connector.state.StateDatabase;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The steps of the product flow (route template import-erp-file, route {@code import-product-file}): check a
 * product master file whole, refuse it, or bring its products to Centra with a report per row. Rows are read a
 * batch at a time and synced one product at a time (consecutive rows of one product number), so memory stays flat.
 */
@Component("productFileImport")
@EnableConfigurationProperties(CatalogueProperties.class)
public class ProductFileImport extends CatalogueFileSteps<ProductFileImport.Run> {


    private final CentraClient centra;
    private final MappingRepository mappings;
    private final CatalogueState state;
    private final CatalogueProperties properties;

    public ProductFileImport(CentraClient centra, MappingRepository mappings, CatalogueIds ids, SentValues sentValues,
                             CatalogueProperties properties) {
        this.centra = centra;
        this.mappings = mappings;
        this.state = new CatalogueState(ids, sentValues);
        this.properties = properties;
    }

    /** One product file: the sizes each size chart needs (from the check), the sync, the product being read. */
    public static final class Run extends CatalogueFileSteps.Run {
        final ProductsMapping mapping;
        final ProductRowMapper mapper;
        final Map<String, Set<String>> chartSizes = new LinkedHashMap<>();
        ProductGroupSync sync;
        IdConversionBuffer conversions;
        /** Products synced side by side (connector.catalogue.parallel-products). */
        ProductsInFlight inFlight;
        /** Rows of the product being read: a product's rows may span two batches. */
        final List<ProductRow> open = new ArrayList<>();

        Run(String fileName, ProductsMapping mapping) {
            super(fileName, mapping.erpFile());
            this.mapping = mapping;
            this.mapper = new ProductRowMapper(mapping);
        }

        @Override
        public void close() {
            if (inFlight != null) {
                inFlight.close();
            }
            super.close();
        }
    }

    @Override
    protected Run newRun(String fileName) {
        return new Run(fileName, mappings.products());
    }

    @Override
    protected String rowsAre() {
        return "product rows";
    }

    @Override
    protected void checked(Run run, ErpCsvReader.Row row) {
        run.mapper.map(row).valid().ifPresent(r ->
                run.chartSizes.computeIfAbsent(r.sizeChart(), c -> new LinkedHashSet<>()).add(r.size()));
    }

    @Override
    protected void started(Run run) {
        Map<String, List<String>> sizes = new LinkedHashMap<>();
        run.chartSizes.forEach((chart, names) -> sizes.put(chart, List.copyOf(names)));
        run.conversions = new IdConversionBuffer(centra, properties.idConversions());
        run.sync = new ProductGroupSync(centra, state, new CatalogueNames(centra), sizes, run.conversions,
                new DisplaySync(centra, state, run.mapping.displays()));
        run.report().progress(run.fileName, run.rows, new QuotaForecast(centra.rateLimiter(), CentraClock.SYSTEM),
                properties.progressInterval());
        run.inFlight = new ProductsInFlight(run.sync::sync, run.report(), properties.parallelProducts());
    }

    /**
     * Rows to products (consecutive rows of one product number); a row that cannot be mapped is reported. The
     * products complete in this batch come out; the last one may go on in the next batch.
     */
    public List<List<ProductRow>> map(@Body List<ErpCsvReader.Row> rows, @ExchangeProperty(ErpFileFailures.RUN) Run run) {
        List<List<ProductRow>> complete = new ArrayList<>();
        for (ErpCsvReader.Row row : rows) {
            ProductRowMapper.Result mapped = run.mapper.map(row);
            if (mapped.row() == null) {
                run.report().row(row.line(), null, Outcome.FAILED, mapped.problem());
                continue;
            }
            if (!run.open.isEmpty() && !run.open.get(0).productNumber().equals(mapped.row().productNumber())) {
                complete.add(List.copyOf(run.open));
                run.open.clear();
            }
            run.open.add(mapped.row());
        }
        return complete;
    }

    /**
     * Every product goes on to the sync, which compares each part (product, variants, sizes, displays) with what
     * was last sent (state table connector_sent_value) and sends only what changed.
     */
    public List<List<ProductRow>> keepChanges(@Body List<List<ProductRow>> products) {
        return products;
    }

    /** Each product to Centra in Centra's order: size charts, brands, collections, folders, product, variants... */
    public void send(@Body List<List<ProductRow>> products, @ExchangeProperty(ErpFileFailures.RUN) Run run) {
        products.forEach(run.inFlight::submit);
    }

    /** At the end of the file: the last product, and the ERP keys still buffered for Centra's ID conversions. */
    public void sendRest(@ExchangeProperty(ErpFileFailures.RUN) Run run) {
        if (!run.open.isEmpty()) {
            run.inFlight.submit(List.copyOf(run.open));
            run.open.clear();
        }
        run.inFlight.finish();
        run.conversions.flush();
    }

    /** The id table in the state database (V3__catalogue_ids.sql). */
    @Bean
    static CatalogueIds catalogueIds(StateDatabase db) {
        return new CatalogueIds(db);
    }

    /** What {@code check} probes for this flow. */
    @Bean
    static FlowProbe catalogueProbe() {
        return new FlowProbe("import-product-file", List.of("sizeCharts"),
                List.of("check/updateProduct", "check/updateProductVariant", "check/updateDisplay"),
                List.of("SizeChart:write", "Brand:write", "Collection:write", "Folder:write"));
    }
}
