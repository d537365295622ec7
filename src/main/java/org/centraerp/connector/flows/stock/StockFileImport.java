package org.centraerp.connector.flows.stock;

import java.io.File;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraClock;
import org.centraerp.connector.centra.QuotaForecast;
import org.centraerp.connector.erp.ErpCsvReader;
import org.centraerp.connector.erp.ErpFileFailures;
import org.centraerp.connector.erp.ErpFileRefusedException;
import org.centraerp.connector.erp.ErpHeaders;
import org.centraerp.connector.erp.TakenFile;
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
 * The steps of the stock flow (route template import-erp-file, templated route import-stock-file), each doing one
 * thing: open the file's run, check the file whole, refuse it, or: begin, read its lines in batches, map them,
 * keep only changes, send full batches, record the outcomes, send the rest, finish the report. The file's run
 * (report, sender) travels in exchange property {@value ErpFileFailures#RUN}; the file is read from the message
 * body, whatever endpoint it came from.
 */
@Component("stockFileImport")
@EnableConfigurationProperties(StockProperties.class)
public class StockFileImport {

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

    /** What one stock file is going through; closed at the end (or on failure), which drops the local report. */
    public static final class Run implements AutoCloseable {
        final String fileName;
        final StockMapping mapping;
        final StockOutcomes outcomes = new StockOutcomes();
        String checksum;
        long lines;
        /** Bytes of the file when polled: every reading stops there (lines appended later are never half-read). */
        long size;
        /** This reading of this file (checksum and time): what an earlier, rolled back reading sent is told apart. */
        String pass;
        /** The file on this machine (a file: inbox), to see whether it grew after it was taken; else null. */
        java.nio.file.Path local;
        StockReport report;
        StockSender sender;
        StockLineMapper mapper;

        Run(String fileName, StockMapping mapping) {
            this.fileName = fileName;
            this.mapping = mapping;
        }

        @Override
        public void close() {
            if (report != null) {
                report.close();
            }
        }
    }

    /** A new run for the file. */
    public Run open(@Header(Exchange.FILE_NAME_ONLY) String fileName) {
        return new Run(fileName, mappings.stock());
    }

    /** Reads the file once (checksum, line count); the reason it is refused, or null. Sends nothing. */
    public String check(@Body InputStream file, @Header(Exchange.FILE_LENGTH) Long size,
                        @Header(Exchange.FILE_LAST_MODIFIED) Long modified,
                        @Header("CamelFileAbsolutePath") String path, @ExchangeProperty(ErpFileFailures.RUN) Run run) {
        try {
            run.size = size == null ? Long.MAX_VALUE : size;
            StockFileReader.Summary summary = new StockFileReader(run.mapping).check(TakenFile.limited(file, run.size));
            run.checksum = summary.checksum();
            run.lines = summary.lines();
            run.pass = summary.checksum().substring(0, 16) + "-" + (modified == null ? 0L : modified);
            run.local = path != null && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(path))
                    ? java.nio.file.Path.of(path) : null;
            log.info("{}: {} lines, {} mode, sending to Centra", run.fileName, summary.lines(),
                    run.mapping.mode().name().toLowerCase(Locale.ROOT));
            return null;
        } catch (ErpFileRefusedException e) {
            return e.getMessage();
        }
    }

    /** The text of {@code .error/<name>.error.txt}; the route writes it and the file follows it to {@code .error/}. */
    public String refuse(@Header(ErpHeaders.REFUSAL) String reason, @Header(Exchange.FILE_PARENT) String inbox,
                         @ExchangeProperty(ErpFileFailures.RUN) Run run) {
        count("refused");
        log.warn("{} refused: {} — moved to .error/", run.fileName, reason);
        return run.fileName + " was refused whole; no line of it was sent to Centra.\n"
                + "Reason: " + reason + "\n"
                + "Fix the file (or " + run.mapping.file() + ") and drop it again in " + inbox + "\n";
    }

    /** Starts the report and the sender; reads Centra's warehouse ids once per file. */
    public void begin(@ExchangeProperty(ErpFileFailures.RUN) Run run) {
        run.report = new StockReport(run.fileName, run.lines, properties.progressInterval(), registry);
        run.report.forecast(new QuotaForecast(centra.rateLimiter(), CentraClock.SYSTEM));
        run.mapper = new StockLineMapper(run.mapping, run.fileName, warehouseIds());
        run.sender = run.mapping.mode() == StockMapping.Mode.DELTA
                ? new DeltaStockSender(centra, keys, sentValues, properties.batchSize(), run.mapping.productKey(),
                        run.fileName, run.checksum, run.outcomes)
                : new AbsoluteStockSender(centra, sentValues, properties.batchSize(), run.mapping.productKey(),
                        "ERP stock file " + run.fileName, run.pass, run.outcomes);
    }

    /** The file's lines, {@code size} at a time, for a streaming split. */
    public ErpCsvReader.Batches batches(@Body InputStream file, @ExchangeProperty(ErpFileFailures.RUN) Run run,
                                           @ExchangeProperty("ErpBatchSize") int size) {
        return new StockFileReader(run.mapping).batches(TakenFile.limited(file, run.size), size);
    }

    /** Lines to stock lines with the customer's mapping; a line that cannot be used is an outcome (invalid). */
    public List<StockLine> map(@Body List<ErpCsvReader.Row> rows, @ExchangeProperty(ErpFileFailures.RUN) Run run) {
        return rows.stream().map(row -> run.mapper.map(row, run.outcomes)).flatMap(java.util.Optional::stream)
                .toList();
    }

    /** Queues the lines and leaves out those that would change nothing in Centra (outcome unchanged). */
    public void keepChanges(@Body List<StockLine> lines, @ExchangeProperty(ErpFileFailures.RUN) Run run) {
        lines.forEach(run.sender::accept);
        run.sender.keepChanges();
    }

    /** Sends the full batches (setStock/changeStock, one warehouse per call). */
    public void send(@ExchangeProperty(ErpFileFailures.RUN) Run run) {
        run.sender.sendFullBatches();
    }

    /** At the end of the file: sends what is still queued. */
    public void sendRest(@ExchangeProperty(ErpFileFailures.RUN) Run run) {
        run.sender.finish();
    }

    /** The outcomes of the steps so far into the report (and the counters, and the progress log). */
    public void record(@ExchangeProperty(ErpFileFailures.RUN) Run run) {
        run.report.record(run.outcomes.drain());
    }

    /** The finished report (a local file) for the route to write as {@code .done/<name>.report.csv}. */
    public File report(@ExchangeProperty(ErpFileFailures.RUN) Run run) {
        if (run.lines == 0) {
            run.report.fileNote("empty", run.size == 0 ? "the file was empty (0 bytes); nothing was sent"
                    : "the file has no data lines; nothing was sent");
        }
        if (run.local != null) {
            new TakenFile(run.local, run.size).grown(run.lines, new StockFileReader(run.mapping).lineCounter())
                    .ifPresent(grown -> {
                        run.report.fileNote("file-grew", grown);
                        log.warn("{}: {}", run.fileName, grown);
                    });
        }
        File report = run.report.finish().toFile();
        count("done");
        log.info("{} done, {}", run.fileName, run.report.summary());
        return report;
    }

    /** The report is where the file is: the local copy goes. */
    public void close(@ExchangeProperty(ErpFileFailures.RUN) Run run) {
        run.close();
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

    /** What {@code check} probes for this flow. */
    @Bean
    static FlowProbe stockProbe() {
        return new FlowProbe("import-stock-file", List.of("warehouses"), List.of("check/setStock"));
    }
}
