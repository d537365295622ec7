package org.centraerp.connector.flows.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.centraerp.connector.erp.ErpCsvReader;
import org.centraerp.connector.erp.ErpFileFailures;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.flows.catalogue.ImportReport.Outcome;
import org.centraerp.connector.mapping.ErpFileMapping;
import org.centraerp.connector.mapping.MappedRecord;
import org.centraerp.connector.mapping.MappingRepository;
import org.centraerp.connector.ops.FlowProbe;
import org.centraerp.connector.state.CatalogueIds;
import org.centraerp.connector.state.SentValues;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The steps of the bundle flow (route template import-erp-file, route {@code import-bundle-file}): check a bundle
 * file whole, refuse it, or bring its bundles to Centra with a report per row, one bundle (consecutive rows of one
 * bundle number) at a time. Components are found by SKU among the products already imported.
 */
@Component("bundleFileImport")
public class BundleFileImport extends CatalogueFileSteps<BundleFileImport.Run> {

    private final CentraClient centra;
    private final MappingRepository mappings;
    private final CatalogueIds ids;
    private final CatalogueState state;

    public BundleFileImport(CentraClient centra, MappingRepository mappings, CatalogueIds ids, SentValues sentValues) {
        this.centra = centra;
        this.mappings = mappings;
        this.ids = ids;
        this.state = new CatalogueState(ids, sentValues);
    }

    /** One bundle file: the sync and the bundle being read. */
    public static final class Run extends CatalogueFileSteps.Run {
        BundleSync sync;
        /** Rows of the bundle being read: a bundle's rows may span two batches. */
        final List<BundleRow> open = new ArrayList<>();

        Run(String fileName, ErpFileMapping mapping) {
            super(fileName, mapping);
        }
    }

    @Override
    protected Run newRun(String fileName) {
        return new Run(fileName, mappings.bundles());
    }

    @Override
    protected String rowsAre() {
        return "bundle rows";
    }

    @Override
    protected void started(Run run) {
        run.sync = new BundleSync(centra, state, new CatalogueNames(centra), new SkuVariants(centra, ids));
    }

    /** Rows to bundles (consecutive rows of one bundle number); the bundles complete in this batch come out. */
    public List<List<BundleRow>> map(@Body List<ErpCsvReader.Row> rows, @ExchangeProperty(ErpFileFailures.RUN) Run run) {
        List<List<BundleRow>> complete = new ArrayList<>();
        for (ErpCsvReader.Row row : rows) {
            Mapped mapped = map(run.file, row);
            if (mapped.row() == null) {
                run.report().row(row.line(), null, Outcome.FAILED, mapped.problem());
                continue;
            }
            BundleRow bundle = mapped.row();
            if (!run.open.isEmpty() && !run.open.get(0).bundleNumber().equals(bundle.bundleNumber())) {
                complete.add(List.copyOf(run.open));
                run.open.clear();
            }
            run.open.add(bundle);
        }
        return complete;
    }

    /** Every bundle goes on to the sync, which compares it with what was last sent and sends only a change. */
    public List<List<BundleRow>> keepChanges(@Body List<List<BundleRow>> bundles) {
        return bundles;
    }

    /** Each bundle to Centra: createBundle, or updateBundle when it changed. */
    public void send(@Body List<List<BundleRow>> bundles, @ExchangeProperty(ErpFileFailures.RUN) Run run) {
        bundles.forEach(bundle -> run.sync.sync(bundle, run.report()));
    }

    /** At the end of the file: the last bundle. */
    public void sendRest(@ExchangeProperty(ErpFileFailures.RUN) Run run) {
        if (!run.open.isEmpty()) {
            run.sync.sync(List.copyOf(run.open), run.report());
            run.open.clear();
        }
    }

    /** A row of the file as a bundle row, or why it cannot be one (the report's reason). */
    record Mapped(BundleRow row, String problem) {
    }

    /** One row through the bundles mapping, as the flow and {@code preview bundles} map it. */
    static Mapped map(ErpFileMapping mapping, ErpCsvReader.Row row) {
        MappedRecord mapped = mapping.fields().apply(row.values());
        if (!mapped.isValid()) {
            return new Mapped(null, String.join("; ", mapped.problems().stream()
                    .map(p -> "field " + p.field() + ": " + p.reason()).toList()));
        }
        return new Mapped(bundleRow(row.line(), mapped.values()), null);
    }

    private static BundleRow bundleRow(long line, Map<String, Object> v) {
        Object quantity = v.get("quantity");
        return new BundleRow(line, text(v, "bundleNumber", null), text(v, "bundleName", null),
                text(v, "status", "ACTIVE").toUpperCase(Locale.ROOT), text(v, "type", "FIXED").toUpperCase(Locale.ROOT),
                text(v, "priceType", "STATIC").toUpperCase(Locale.ROOT), text(v, "sizeChart", "One Size"),
                text(v, "size", "One Size"), text(v, "componentSku", null),
                quantity == null ? 1 : Integer.parseInt(quantity.toString().strip()));
    }

    private static String text(Map<String, Object> values, String field, String fallback) {
        Object value = values.get(field);
        return value == null || value.toString().isBlank() ? fallback : value.toString().strip();
    }

    /** What {@code check} probes for this flow. */
    @Bean
    static FlowProbe bundleProbe() {
        return new FlowProbe("import-bundle-file", List.of("catalogue/productSizesBySku"),
                List.of("check/updateBundle"));
    }
}
