package org.centraerp.connector.flows.stock;

import org.centraerp.connector.erp.ErpArchive;
import org.centraerp.connector.erp.ErpFileRefusedException;
import org.centraerp.connector.erp.TakenFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.mapping.MappingRepository;
import org.centraerp.connector.mapping.StockMapping;
import org.centraerp.connector.ops.FlowProbe;
import org.centraerp.connector.state.IdempotencyKeys;
import org.centraerp.connector.state.SentValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The steps of route {@code import-stock-file}: check a dropped stock file whole, then either refuse it (to
 * {@code .error/} with the reason) or apply its lines (to {@code .done/} with a report). The route's file consumer
 * moves the file where header {@value #ARCHIVE} says; a failure (Centra unreachable) leaves it to be read again.
 */
@Component("stockFileImport")
@EnableConfigurationProperties(StockProperties.class)
public class StockFileImport {

    /** Why the whole file is refused; absent when it can be applied. */
    public static final String REFUSAL = "StockFileRefusal";
    /** Where the consumer moves the file, relative to the inbox: {@code .done/<name>} or {@code .error/<name>}. */
    public static final String ARCHIVE = "StockFileArchive";
    static final String CHECKSUM = "StockFileChecksum";
    static final String LINES = "StockFileLines";
    /** Bytes of the file when it was checked: every later reading stops there. */
    static final String SIZE = "StockFileSize";
    static final String DONE_FOLDER = ".done";
    static final String ERROR_FOLDER = ".error";

    private static final Logger log = LoggerFactory.getLogger(StockFileImport.class);

    private final CentraClient centra;
    private final MappingRepository mappings;
    private final SentValues sentValues;
    private final IdempotencyKeys keys;
    private final StockProperties properties;
    private final MeterRegistry registry;

    public StockFileImport(CentraClient centra, MappingRepository mappings, SentValues sentValues,
                           IdempotencyKeys keys, StockProperties properties, ObjectProvider<MeterRegistry> registry) {
        this.centra = centra;
        this.mappings = mappings;
        this.sentValues = sentValues;
        this.keys = keys;
        this.properties = properties;
        this.registry = registry.getIfAvailable();
    }

    /** Reads the file once: checksum and line count, or the reason it is refused. Sends nothing. */
    public void check(Exchange exchange) {
        Path file = file(exchange);
        try {
            TakenFile taken = TakenFile.of(file);
            StockFileReader.Summary summary = new StockFileReader(mapping()).check(taken);
            exchange.getIn().setHeader(CHECKSUM, summary.checksum());
            exchange.getIn().setHeader(LINES, summary.lines());
            exchange.getIn().setHeader(SIZE, taken.size());
            log.info("{}: {} lines, {} mode, sending to Centra", file.getFileName(), summary.lines(),
                    mapping().mode().name().toLowerCase(Locale.ROOT));
        } catch (ErpFileRefusedException e) {
            exchange.getIn().setHeader(REFUSAL, e.getMessage());
        }
    }

    /** Writes {@code .error/<name>.error.txt} with the reason; the file follows it to {@code .error/}. */
    public void refuse(Exchange exchange) {
        Path file = file(exchange);
        String reason = exchange.getIn().getHeader(REFUSAL, String.class);
        String archived = ErpArchive.archiveName(file, ERROR_FOLDER);
        Path errorFile = file.resolveSibling(ERROR_FOLDER).resolve(archived + ".error.txt");
        ErpArchive.writeText(errorFile, file.getFileName() + " was refused whole; no line of it was sent to Centra.\n"
                + "Reason: " + reason + "\n"
                + "Fix the file (or " + mapping().file() + ") and drop it again in " + file.getParent() + "\n");
        exchange.getIn().setHeader(ARCHIVE, ERROR_FOLDER + "/" + archived);
        count("refused");
        log.warn("{} refused: {} — moved to {}/", file.getFileName(), reason, ERROR_FOLDER);
    }

    /** Sends the file's lines (only changes, in batches) and writes {@code .done/<name>.report.csv}. */
    public void apply(Exchange exchange) {
        Path file = file(exchange);
        StockMapping mapping = mapping();
        String archived = ErpArchive.archiveName(file, DONE_FOLDER);
        long lines = exchange.getIn().getHeader(LINES, Long.class);
        StockReport report = new StockReport(file.getFileName().toString(),
                file.resolveSibling(DONE_FOLDER).resolve(archived + ".report.csv"), lines,
                properties.progressInterval(), registry);
        TakenFile taken = new TakenFile(file, exchange.getIn().getHeader(SIZE, Long.class));
        StockFileReader reader = new StockFileReader(mapping);
        try {
            StockLineMapper mapper = new StockLineMapper(mapping, file.getFileName().toString(), warehouseIds());
            String pass = exchange.getIn().getHeader(CHECKSUM, String.class).substring(0, 16) + "-"
                    + exchange.getIn().getHeader(Exchange.FILE_LAST_MODIFIED, 0L, Long.class);
            StockSender sender = sender(mapping, file, exchange.getIn().getHeader(CHECKSUM, String.class), pass,
                    report);
            reader.forEachRecord(taken, record -> mapper.map(record, report).ifPresent(sender::accept));
            sender.finish();
        } catch (RuntimeException e) {
            report.abandon();
            throw e;
        }
        if (lines == 0) {
            report.fileNote("empty", taken.empty() ? "the file was empty (0 bytes); nothing was sent"
                    : "the file has no data lines; nothing was sent");
        }
        taken.grown(lines, reader.lineCounter()).ifPresent(grown -> {
            report.fileNote("file-grew", grown);
            log.warn("{}: {}", file.getFileName(), grown);
        });
        report.close();
        exchange.getIn().setHeader(ARCHIVE, DONE_FOLDER + "/" + archived);
        count("done");
        log.info("{} done, {}; report {}/{}.report.csv", file.getFileName(), report.summary(), DONE_FOLDER, archived);
    }

    private StockSender sender(StockMapping mapping, Path file, String checksum, String pass, StockReport report) {
        String name = file.getFileName().toString();
        return mapping.mode() == StockMapping.Mode.DELTA
                ? new DeltaStockSender(centra, keys, sentValues, properties.batchSize(), mapping.productKey(), name,
                        checksum, report)
                : new AbsoluteStockSender(centra, sentValues, properties.batchSize(), mapping.productKey(),
                        "ERP stock file " + name, pass, report);
    }

    /** Centra's warehouse ids, read once per file: a line for another id is reported instead of sent. */
    private Set<Integer> warehouseIds() {
        return centra.pages("warehouses", Map.of(), "warehouses", CentraClient.MAX_PAGE_SIZE)
                .map(w -> w.path("id").asInt()).collect(Collectors.toSet());
    }



    private void count(String outcome) {
        if (registry != null) {
            registry.counter("connector.stock.files", "outcome", outcome).increment();
        }
    }

    private StockMapping mapping() {
        return mappings.stock();
    }

    private static Path file(Exchange exchange) {
        return Path.of(exchange.getIn().getHeader("CamelFileAbsolutePath", String.class));
    }

    /** What {@code check} probes for this flow. */
    @Bean
    static FlowProbe stockProbe() {
        return new FlowProbe("import-stock-file", List.of("warehouses"), List.of("check/setStock"));
    }
}
