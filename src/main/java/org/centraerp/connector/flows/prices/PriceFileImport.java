package org.centraerp.connector.flows.prices;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.Exchange;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.flows.catalogue.CatalogueProperties;
import org.centraerp.connector.flows.catalogue.ErpCsvFile;
import org.centraerp.connector.erp.ErpFileRefusedException;
import org.centraerp.connector.flows.catalogue.ErpInboxFile;
import org.centraerp.connector.flows.catalogue.ImportReport;
import org.centraerp.connector.flows.catalogue.ImportReport.Outcome;
import org.centraerp.connector.mapping.ErpFileMapping;
import org.centraerp.connector.mapping.MappingRepository;
import org.centraerp.connector.ops.FlowProbe;
import org.centraerp.connector.state.CatalogueIds;
import org.centraerp.connector.state.SentValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The steps of route {@code import-price-file}: check a dropped price file whole, then refuse it (to {@code .error/})
 * or send its changed prices with {@code setPrices}, batched per pricelist (to {@code .done/} with a report per row).
 * Rows are grouped per pricelist and product before sending, so a price file is held in memory.
 */
@Component("priceFileImport")
public class PriceFileImport {

    static final String FLOW = "prices";
    private static final Logger log = LoggerFactory.getLogger(PriceFileImport.class);

    /** What became of each row, written to the report in line order. */
    private record Line(String key, String pricelist, Outcome outcome, String reason) {
    }

    private final CentraClient centra;
    private final MappingRepository mappings;
    private final CatalogueIds ids;
    private final SentValues sentValues;
    private final CatalogueProperties properties;

    public PriceFileImport(CentraClient centra, MappingRepository mappings, CatalogueIds ids, SentValues sentValues,
                           CatalogueProperties properties) {
        this.centra = centra;
        this.mappings = mappings;
        this.ids = ids;
        this.sentValues = sentValues;
        this.properties = properties;
    }

    public void check(Exchange exchange) {
        ErpInboxFile file = ErpInboxFile.of(exchange);
        try {
            long[] rows = {0};
            new ErpCsvFile(mappings.prices()).forEachRow(file.taken(exchange), row -> rows[0]++);
            log.info("{}: {} price rows, sending to Centra", file.name(), rows[0]);
        } catch (ErpFileRefusedException e) {
            exchange.getIn().setHeader(ErpInboxFile.REFUSAL, e.getMessage());
        }
    }

    public void refuse(Exchange exchange) {
        ErpInboxFile file = ErpInboxFile.of(exchange);
        String reason = exchange.getIn().getHeader(ErpInboxFile.REFUSAL, String.class);
        file.refuse(exchange, reason, mappings.prices().file());
        log.warn("{} refused: {} — moved to {}/", file.name(), reason, ErpInboxFile.ERROR);
    }

    public void apply(Exchange exchange) {
        ErpInboxFile file = ErpInboxFile.of(exchange);
        ErpFileMapping mapping = mappings.prices();
        Map<Long, Line> lines = new TreeMap<>();
        // pricelist -> product -> variant -> row
        Map<Long, Map<Long, Map<Long, PriceRow>>> prices = new LinkedHashMap<>();
        // every line that named a variant of a pricelist with the same price shares its outcome
        Map<String, List<Long>> sameVariant = new LinkedHashMap<>();
        PriceRowResolver resolver = new PriceRowResolver(mapping, centra, ids);
        ErpCsvFile csv = new ErpCsvFile(mapping);
        csv.forEachRow(file.taken(exchange), row -> {
            PriceRowResolver.Result result = resolver.resolve(row);
            if (result.row() == null) {
                lines.put(row.line(), new Line(result.key(), result.pricelist(), Outcome.FAILED, result.problem()));
                return;
            }
            PriceRow price = result.row();
            Map<Long, PriceRow> variants = prices.computeIfAbsent(price.pricelistId(), p -> new LinkedHashMap<>())
                    .computeIfAbsent(price.productId(), p -> new LinkedHashMap<>());
            PriceRow earlier = variants.putIfAbsent(price.variantId(), price);
            if (earlier == null || earlier.samePriceAs(price)) {
                lines.put(row.line(), new Line(price.key(), price.pricelistName(), Outcome.UNCHANGED, null));
                sameVariant.computeIfAbsent(price.sentKey(), k -> new ArrayList<>()).add(row.line());
            } else {
                lines.put(row.line(), new Line(price.key(), price.pricelistName(), Outcome.FAILED, "the variant has another price on line "
                        + earlier.line() + " of this pricelist"));
            }
        });
        Map<Long, List<Map<Long, PriceRow>>> set = new LinkedHashMap<>();
        prices.forEach((pricelist, products) -> set.put(pricelist, send(pricelist, products, lines, sameVariant)));
        set.values().forEach(products -> products.removeIf(variants -> variants.values().stream()
                .noneMatch(row -> lines.get(row.line()).outcome() == Outcome.UPDATED)));
        List<InheritedPrices.Inherited> inherited = InheritedPrices.of(centra, set);
        Path reportPath = file.doneReport(exchange);
        ImportReport report = new ImportReport(reportPath, true);
        lines.forEach((line, l) -> report.row(line, l.key(), l.pricelist(), l.outcome(), l.reason()));
        // line 0: not a row of the file, a variant the file's prices reached through its product
        inherited.forEach(i -> report.row(0, i.key(), i.pricelist(), Outcome.INHERITED, i.reason()));
        file.reportGrowth(exchange, report, csv);
        report.close();
        log.info("{} done, {}; report {}", file.name(), report.summary(), reportPath.getFileName());
    }

    /**
     * Products with a changed variant price, in batches; each carries every variant price of the file.
     *
     * @return the products sent
     */
    private List<Map<Long, PriceRow>> send(long pricelist, Map<Long, Map<Long, PriceRow>> products,
                                           Map<Long, Line> lines, Map<String, List<Long>> sameVariant) {
        List<Map<Long, PriceRow>> changed = new ArrayList<>();
        for (Map<Long, PriceRow> variants : products.values()) {
            Map<String, String> current = new LinkedHashMap<>();
            variants.values().forEach(r -> current.put(r.sentKey(), r.sentValue()));
            if (!sentValues.changed(FLOW, current).isEmpty()) {
                changed.add(variants);
            }
        }
        for (int from = 0; from < changed.size(); from += properties.pricesBatchSize()) {
            new PriceBatch(centra, sentValues, FLOW).send(pricelist,
                    changed.subList(from, Math.min(changed.size(), from + properties.pricesBatchSize())),
                    (row, outcome, reason) -> sameVariant.get(row.sentKey()).forEach(line ->
                            lines.put(line, new Line(lines.get(line).key(), row.pricelistName(), outcome, reason))));
        }
        return changed;
    }

    @Bean
    static FlowProbe pricesProbe() {
        return new FlowProbe("import-price-file", List.of("pricelists"), List.of("check/setPrices"));
    }
}
