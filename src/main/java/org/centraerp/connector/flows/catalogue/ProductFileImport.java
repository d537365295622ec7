package org.centraerp.connector.flows.catalogue;

import org.centraerp.connector.erp.ErpFileRefusedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.flows.catalogue.ImportReport.Outcome;
import org.centraerp.connector.mapping.MappingRepository;
import org.centraerp.connector.mapping.ProductsMapping;
import org.centraerp.connector.ops.FlowProbe;
import org.centraerp.connector.state.CatalogueIds;
import org.centraerp.connector.state.SentValues;
import org.centraerp.connector.state.StateDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The steps of route {@code import-product-file}: check a dropped product master file whole, then refuse it (to
 * {@code .error/} with the reason) or bring its products to Centra (to {@code .done/} with a report per row).
 * Rows are taken one product at a time (consecutive rows of one product number), so memory stays flat.
 */
@Component("productFileImport")
@EnableConfigurationProperties(CatalogueProperties.class)
public class ProductFileImport {

    private static final Logger log = LoggerFactory.getLogger(ProductFileImport.class);
    static final String CHART_SIZES = "ProductFileChartSizes";

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

    /** Reads the file once: the sizes each size chart needs, or the reason the file is refused. Sends nothing. */
    public void check(Exchange exchange) {
        ErpInboxFile file = ErpInboxFile.of(exchange);
        ProductsMapping mapping = mappings.products();
        ProductRowMapper mapper = new ProductRowMapper(mapping);
        Map<String, Set<String>> chartSizes = new LinkedHashMap<>();
        try {
            long[] rows = {0};
            new ErpCsvFile(mapping.erpFile()).forEachRow(file.taken(exchange), row -> {
                rows[0]++;
                mapper.map(row).valid().ifPresent(r ->
                        chartSizes.computeIfAbsent(r.sizeChart(), c -> new LinkedHashSet<>()).add(r.size()));
            });
            Map<String, List<String>> sizes = new LinkedHashMap<>();
            chartSizes.forEach((chart, names) -> sizes.put(chart, List.copyOf(names)));
            exchange.getIn().setHeader(CHART_SIZES, sizes);
            log.info("{}: {} rows, sending to Centra", file.name(), rows[0]);
        } catch (ErpFileRefusedException e) {
            exchange.getIn().setHeader(ErpInboxFile.REFUSAL, e.getMessage());
        }
    }

    public void refuse(Exchange exchange) {
        ErpInboxFile file = ErpInboxFile.of(exchange);
        String reason = exchange.getIn().getHeader(ErpInboxFile.REFUSAL, String.class);
        file.refuse(exchange, reason, mappings.products().file());
        log.warn("{} refused: {} — moved to {}/", file.name(), reason, ErpInboxFile.ERROR);
    }

    /** Brings every product of the file to Centra and writes the report. */
    @SuppressWarnings("unchecked")
    public void apply(Exchange exchange) {
        ErpInboxFile file = ErpInboxFile.of(exchange);
        ProductsMapping mapping = mappings.products();
        Map<String, List<String>> chartSizes = exchange.getIn().getHeader(CHART_SIZES, Map.class);
        Path reportPath = file.doneReport(exchange);
        ImportReport report = new ImportReport(reportPath);
        IdConversionBuffer conversions = new IdConversionBuffer(centra, properties.idConversions());
        ProductGroupSync sync = new ProductGroupSync(centra, state, new CatalogueNames(centra), chartSizes,
                conversions, new DisplaySync(centra, state, mapping.displays()));
        ProductRowMapper mapper = new ProductRowMapper(mapping);
        List<ProductRow> group = new ArrayList<>();
        ErpCsvFile csv = new ErpCsvFile(mapping.erpFile());
        try {
            csv.forEachRow(file.taken(exchange), row -> {
                ProductRowMapper.Result mapped = mapper.map(row);
                if (mapped.row() == null) {
                    report.row(row.line(), null, Outcome.FAILED, mapped.problem());
                    return;
                }
                if (!group.isEmpty() && !group.get(0).productNumber().equals(mapped.row().productNumber())) {
                    sync.sync(List.copyOf(group), report);
                    group.clear();
                }
                group.add(mapped.row());
            });
            if (!group.isEmpty()) {
                sync.sync(List.copyOf(group), report);
            }
            conversions.flush();
        } catch (RuntimeException e) {
            report.abandon();
            exchange.getIn().removeHeader(ErpInboxFile.ARCHIVE);
            throw e;
        }
        file.reportGrowth(exchange, report, csv);
        report.close();
        log.info("{} done, {}; report {}", file.name(), report.summary(), reportPath.getFileName());
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
