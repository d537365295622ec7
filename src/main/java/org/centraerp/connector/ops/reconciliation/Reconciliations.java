package org.centraerp.connector.ops.reconciliation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.centraerp.connector.centra.CentraException;
import org.centraerp.connector.erp.ErpProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the reconciliations (stock, orders, catalogue), keeps the last result of each for the console, writes each
 * run as {@code <erp folder>/out/reconciliation/<kind>-<time>.csv} (through Camel's file producer) and publishes
 * {@code connector.reconciliation.differences{kind}} and {@code connector.reconciliation.last_run{kind}}.
 */
public class Reconciliations {

    public static final int SHOWN = 1000;
    public static final List<String> KINDS = List.of("stock", "orders", "catalogue");
    private static final Logger log = LoggerFactory.getLogger(Reconciliations.class);
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final StockReconciliation stock;
    private final OrderReconciliation orders;
    private final CatalogueReconciliation catalogue;
    private final ReconciliationProperties properties;
    private final Path folder;
    private final Clock clock;
    private final ReportOutbox outbox;
    private final Map<String, ReconciliationResult> last = new ConcurrentHashMap<>();

    /**
     * Where a finished report goes: the written file and its name in the reconciliation folder; Camel's file
     * producer puts it there (temporary name, then the report's).
     */
    public interface ReportOutbox {
        void publish(Path written, Path folder, String name) throws IOException;
    }

    public Reconciliations(StockReconciliation stock, OrderReconciliation orders, CatalogueReconciliation catalogue,
                           ReconciliationProperties properties, ErpProperties erp, MeterRegistry registry, Clock clock,
                           ReportOutbox outbox) {
        this.stock = stock;
        this.orders = orders;
        this.catalogue = catalogue;
        this.properties = properties;
        this.folder = erp.outbox("reconciliation");
        this.clock = clock;
        this.outbox = outbox;
        if (registry != null) {
            for (String kind : KINDS) {
                gauge(registry, "connector.reconciliation.differences", kind, "Differences found by the last run",
                        r -> r.error() == null ? r.total() : -1);
                gauge(registry, "connector.reconciliation.last_run", kind, "When the last run ended (epoch seconds)",
                        r -> r.at().getEpochSecond());
            }
        }
    }

    private void gauge(MeterRegistry registry, String name, String kind, String description,
                       ToLongFunction<ReconciliationResult> value) {
        Gauge.builder(name, last, map -> Optional.ofNullable(map.get(kind)).map(value::applyAsLong).map(Long::doubleValue)
                        .orElse(Double.NaN))
                .description(description).tag("kind", kind).register(registry);
    }

    public ReconciliationResult stock() {
        return run("stock", "every size × warehouse the ERP gave", stock::run);
    }

    /** Orders Centra changed since {@code since}; null: the configured look-back. */
    public ReconciliationResult orders(Instant since) {
        Instant from = since != null ? since : clock.instant().minus(properties.ordersLookback());
        return run("orders", "orders changed in Centra since " + from, out -> orders.run(from, out));
    }

    public ReconciliationResult catalogue() {
        return run("catalogue", "every ERP key in connector_catalogue_id", catalogue::run);
    }

    /** Every reconciliation, as the schedule runs them. */
    public void all() {
        stock();
        orders(null);
        catalogue();
    }

    public Optional<ReconciliationResult> last(String kind) {
        return Optional.ofNullable(last.get(kind));
    }

    /** Sends the ERP's stock again for the differences of the last stock run; answers the sizes sent. */
    public int healStock() {
        ReconciliationResult result = last.get("stock");
        if (result == null || result.total() == 0) {
            return 0;
        }
        if (result.total() > result.differences().size()) {
            throw new IllegalStateException("More than " + SHOWN + " stock differences: heal with a full stock file"
                    + " from the ERP instead (drop it in the stock inbox)");
        }
        int sent = stock.heal(result.differences());
        log.info("Stock reconciliation: the ERP's quantity sent again for {} sizes", sent);
        return sent;
    }

    private interface Check {
        long run(Consumer<Difference> out);
    }

    private synchronized ReconciliationResult run(String kind, String scope, Check check) {
        Instant started = clock.instant();
        Path report = folder.resolve(kind + "-" + FILE_TIME.format(started) + ".csv");
        // being written: a name nobody reads (the console lists *.csv); renamed in by the outbox when complete
        Path temp = report.resolveSibling(report.getFileName() + ".part");
        List<Difference> shown = new ArrayList<>();
        long[] total = {0};
        long checked;
        String error = null;
        try {
            Files.createDirectories(folder);
            try (BufferedWriter writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(';')
                         .setRecordSeparator("\n").setHeader("kind", "key", "erp", "centra", "difference").get())) {
                checked = check.run(d -> {
                    total[0]++;
                    if (shown.size() < SHOWN) {
                        shown.add(d);
                    }
                    try {
                        csv.printRecord(d.kind(), d.key(), d.erp(), d.centra(), d.what());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            outbox.publish(temp, folder, report.getFileName().toString());
            Files.delete(temp);
        } catch (CentraException | IOException | UncheckedIOException e) {
            checked = 0;
            error = e.getMessage();
            report = null;
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the .part stays; the next run writes another
            }
        }
        ReconciliationResult result = new ReconciliationResult(kind, clock.instant(), scope, checked, List.copyOf(shown),
                total[0], report, error);
        last.put(kind, result);
        if (error != null) {
            log.warn("Reconciliation of {} did not finish: {}", kind, error);
        } else {
            log.info("Reconciliation of {}: {} checked, {} differences in {} ms; report {}", kind, checked, total[0],
                    Duration.between(started, clock.instant()).toMillis(), report);
        }
        return result;
    }
}
