package org.centraerp.connector.flows.prices;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.centraerp.connector.erp.ErpCsvReader;
import org.centraerp.connector.erp.ErpFileFailures;
import org.centraerp.connector.flows.catalogue.CatalogueFileSteps;
import org.centraerp.connector.flows.catalogue.ImportReport;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraClock;
import org.centraerp.connector.centra.QuotaForecast;
import org.centraerp.connector.centra.ComplexityBatchSizer;
import org.centraerp.connector.flows.catalogue.CatalogueProperties;
import org.centraerp.connector.flows.catalogue.ImportReport.Outcome;
import org.centraerp.connector.mapping.ErpFileMapping;
import org.centraerp.connector.mapping.MappingRepository;
import org.centraerp.connector.ops.FlowProbe;
import org.centraerp.connector.state.CatalogueIds;
import org.centraerp.connector.state.SentValues;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The steps of the price flow (route template import-erp-file, route {@code import-price-file}): check a price file
 * whole, refuse it, or send its changed prices with {@code setPrices}, batched per pricelist, with a report per row.
 * Rows are grouped per pricelist and product before sending, so a price file is held in memory.
 */
@Component("priceFileImport")
public class PriceFileImport extends CatalogueFileSteps<PriceFileImport.Run> {

    static final String FLOW = "prices";

    /** What became of each row, written to the report in line order. */
    private record Line(String key, String pricelist, Outcome outcome, String reason) {
    }

    private final CentraClient centra;
    private final MappingRepository mappings;
    private final CatalogueIds ids;
    private final SentValues sentValues;
    private final CatalogueProperties properties;
    private ComplexityBatchSizer sizer;

    public PriceFileImport(CentraClient centra, MappingRepository mappings, CatalogueIds ids, SentValues sentValues,
                           CatalogueProperties properties) {
        this.centra = centra;
        this.mappings = mappings;
        this.ids = ids;
        this.sentValues = sentValues;
        this.properties = properties;
    }

    /** One price file: every row's outcome so far, and its prices per pricelist, product and variant. */
    public static final class Run extends CatalogueFileSteps.Run {
        final Map<Long, Line> lines = new TreeMap<>();
        /** pricelist -> product -> variant -> row */
        final Map<Long, Map<Long, Map<Long, PriceRow>>> prices = new LinkedHashMap<>();
        /** every line that named a variant of a pricelist with the same price shares its outcome */
        final Map<String, List<Long>> sameVariant = new LinkedHashMap<>();
        PriceRowResolver resolver;
        List<InheritedPrices.Inherited> inherited = List.of();

        Run(String fileName, ErpFileMapping mapping) {
            super(fileName, mapping);
        }
    }

    @Override
    protected Run newRun(String fileName) {
        return new Run(fileName, mappings.prices());
    }

    @Override
    protected String rowsAre() {
        return "price rows";
    }

    @Override
    protected ImportReport newReport() {
        return new ImportReport(true);
    }

    @Override
    protected void started(Run run) {
        run.resolver = new PriceRowResolver(run.file(), centra, ids);
    }

    /**
     * Rows to prices per pricelist, product and variant (SKU and pricelist resolved in Centra's ids); a row that
     * cannot be used, or that gives a variant another price than an earlier row, is reported. A product's prices go
     * out together, and its rows may be anywhere in the file: they are sent at the end of the file.
     */
    public void map(@Body List<ErpCsvReader.Row> rows, @ExchangeProperty(ErpFileFailures.RUN) Run run) {
        for (ErpCsvReader.Row row : rows) {
            PriceRowResolver.Result result = run.resolver.resolve(row);
            if (result.row() == null) {
                run.lines.put(row.line(), new Line(result.key(), result.pricelist(), Outcome.FAILED,
                        result.problem()));
                continue;
            }
            PriceRow price = result.row();
            Map<Long, PriceRow> variants = run.prices.computeIfAbsent(price.pricelistId(), p -> new LinkedHashMap<>())
                    .computeIfAbsent(price.productId(), p -> new LinkedHashMap<>());
            PriceRow earlier = variants.putIfAbsent(price.variantId(), price);
            if (earlier == null || earlier.samePriceAs(price)) {
                run.lines.put(row.line(), new Line(price.key(), price.pricelistName(), Outcome.UNCHANGED, null));
                run.sameVariant.computeIfAbsent(price.sentKey(), k -> new ArrayList<>()).add(row.line());
            } else {
                run.lines.put(row.line(), new Line(price.key(), price.pricelistName(), Outcome.FAILED,
                        "the variant has another price on line " + earlier.line() + " of this pricelist"));
            }
        }
    }

    /** Prices are compared with what was last sent when the whole file is read (see {@link #sendRest}). */
    public void keepChanges(@ExchangeProperty(ErpFileFailures.RUN) Run run) {
    }

    /** Nothing goes out before the file is read whole (a product's prices go out together). */
    public void send(@ExchangeProperty(ErpFileFailures.RUN) Run run) {
    }

    /**
     * At the end of the file: per pricelist, the products with a changed price, in batches of setPrices; then the
     * variants without a row of their own that now sell at their product's price (reported as inherited). Long
     * files log progress lines (rows sent, and when they will be done under Centra's hourly and 10 s quotas).
     */
    public void sendRest(@ExchangeProperty(ErpFileFailures.RUN) Run run) {
        Map<Long, List<Map<Long, PriceRow>>> set = new LinkedHashMap<>();
        run.prices.forEach((pricelist, products) -> set.put(pricelist, changed(products)));
        long toSend = set.values().stream().flatMap(List::stream).flatMap(variants -> variants.values().stream())
                .mapToLong(row -> run.sameVariant.get(row.sentKey()).size()).sum();
        run.report().progress(run.fileName(), toSend, "rows to send",
                new QuotaForecast(centra.rateLimiter(), CentraClock.SYSTEM), properties.progressInterval());
        long[] sent = {0};
        set.forEach((pricelist, products) -> new PriceBatch(centra, sentValues, FLOW).sendAll(pricelist, products,
                sizer(), (row, outcome, reason) -> {
                    List<Long> same = run.sameVariant.get(row.sentKey());
                    same.forEach(line -> run.lines.put(line,
                            new Line(run.lines.get(line).key(), row.pricelistName(), outcome, reason)));
                    sent[0] += same.size();
                    run.report().settled(sent[0]);
                }));
        set.values().forEach(products -> products.removeIf(variants -> variants.values().stream()
                .noneMatch(row -> run.lines.get(row.line()).outcome() == Outcome.UPDATED)));
        run.inherited = InheritedPrices.of(centra, set);
    }

    /** Every row's outcome (final once the file is sent) into the report, in line order, then the report. */
    @Override
    public java.io.File report(@ExchangeProperty(ErpFileFailures.RUN) Run run) {
        run.lines.forEach((line, l) -> run.report().row(line, l.key(), l.pricelist(), l.outcome(), l.reason()));
        // line 0: not a row of the file, a variant the file's prices reached through its product
        run.inherited.forEach(i -> run.report().row(0, i.key(), i.pricelist(), Outcome.INHERITED, i.reason()));
        return super.report(run);
    }

    /** The products with a variant price other than last sent; each carries every variant price of the file. */
    private List<Map<Long, PriceRow>> changed(Map<Long, Map<Long, PriceRow>> products) {
        List<Map<Long, PriceRow>> changed = new ArrayList<>();
        for (Map<Long, PriceRow> variants : products.values()) {
            Map<String, String> current = new LinkedHashMap<>();
            variants.values().forEach(r -> current.put(r.sentKey(), r.sentValue()));
            if (!sentValues.changed(FLOW, current).isEmpty()) {
                changed.add(variants);
            }
        }
        return changed;
    }

    /** Products per setPrices call, learned over every file: at most prices-batch-size. */
    private synchronized ComplexityBatchSizer sizer() {
        if (sizer == null || sizer.max() != properties.pricesBatchSize()) {
            sizer = ComplexityBatchSizer.of("setPrices", centra, properties.pricesBatchSize()).learnQuotas(centra);
        }
        return sizer;
    }

    @Bean
    static FlowProbe pricesProbe() {
        return new FlowProbe("import-price-file", List.of("pricelists"), List.of("check/setPrices"));
    }
}
