package org.centraerp.connector.flows.catalogue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.Exchange;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.erp.ErpFileRefusedException;
import org.centraerp.connector.flows.catalogue.ImportReport.Outcome;
import org.centraerp.connector.mapping.ErpFileMapping;
import org.centraerp.connector.mapping.MappedRecord;
import org.centraerp.connector.mapping.MappingRepository;
import org.centraerp.connector.ops.FlowProbe;
import org.centraerp.connector.state.CatalogueIds;
import org.centraerp.connector.state.SentValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The steps of route {@code import-bundle-file}: check a dropped bundle file whole, then refuse it (to
 * {@code .error/}) or bring its bundles to Centra (to {@code .done/} with a report per row), one bundle (consecutive
 * rows of one bundle number) at a time. Components are found by SKU among the products already imported.
 */
@Component("bundleFileImport")
public class BundleFileImport {

    private static final Logger log = LoggerFactory.getLogger(BundleFileImport.class);

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

    public void check(Exchange exchange) {
        ErpInboxFile file = ErpInboxFile.of(exchange);
        try {
            long[] rows = {0};
            new ErpCsvFile(mappings.bundles()).forEachRow(file.taken(exchange), row -> rows[0]++);
            log.info("{}: {} bundle rows, sending to Centra", file.name(), rows[0]);
        } catch (ErpFileRefusedException e) {
            exchange.getIn().setHeader(ErpInboxFile.REFUSAL, e.getMessage());
        }
    }

    public void refuse(Exchange exchange) {
        ErpInboxFile file = ErpInboxFile.of(exchange);
        String reason = exchange.getIn().getHeader(ErpInboxFile.REFUSAL, String.class);
        file.refuse(exchange, reason, mappings.bundles().file());
        log.warn("{} refused: {} — moved to {}/", file.name(), reason, ErpInboxFile.ERROR);
    }

    public void apply(Exchange exchange) {
        ErpInboxFile file = ErpInboxFile.of(exchange);
        ErpFileMapping mapping = mappings.bundles();
        Path reportPath = file.doneReport(exchange);
        ImportReport report = new ImportReport(reportPath);
        BundleSync sync = new BundleSync(centra, state, new CatalogueNames(centra), new SkuVariants(centra, ids));
        List<BundleRow> group = new ArrayList<>();
        ErpCsvFile csv = new ErpCsvFile(mapping);
        try {
            csv.forEachRow(file.taken(exchange), row -> {
                MappedRecord mapped = mapping.fields().apply(row.values());
                if (!mapped.isValid()) {
                    report.row(row.line(), null, Outcome.FAILED, String.join("; ", mapped.problems().stream()
                            .map(p -> "field " + p.field() + ": " + p.reason()).toList()));
                    return;
                }
                BundleRow bundle = bundleRow(row.line(), mapped.values());
                if (!group.isEmpty() && !group.get(0).bundleNumber().equals(bundle.bundleNumber())) {
                    sync.sync(List.copyOf(group), report);
                    group.clear();
                }
                group.add(bundle);
            });
            if (!group.isEmpty()) {
                sync.sync(List.copyOf(group), report);
            }
        } catch (RuntimeException e) {
            report.abandon();
            exchange.getIn().removeHeader(ErpInboxFile.ARCHIVE);
            throw e;
        }
        file.reportGrowth(exchange, report, csv);
        report.close();
        log.info("{} done, {}; report {}", file.name(), report.summary(), reportPath.getFileName());
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
