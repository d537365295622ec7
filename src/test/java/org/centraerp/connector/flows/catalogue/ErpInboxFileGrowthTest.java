package org.centraerp.connector.flows.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.centraerp.connector.mapping.ErpFileMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Product, bundle and price files are read as taken; rows appended later are reported, not cut silently. */
class ErpInboxFileGrowthTest {

    @TempDir
    Path inbox;

    @Test
    void rowsAppendedAfterTheCheckAreNotReadAndTheReportSaysTheFileGrew() throws Exception {
        Path file = Files.writeString(inbox.resolve("prices.csv"), "sku;price\nA;1\n", StandardCharsets.UTF_8);
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getIn().setHeader(Exchange.FILE_PATH, file.toString());
        ErpInboxFile inboxFile = ErpInboxFile.of(exchange);
        ErpCsvFile csv = new ErpCsvFile(new ErpFileMapping("mappings/test/prices.yaml",
                new ErpFileMapping.Csv(';', StandardCharsets.UTF_8, true), null, List.of("sku", "price")));
        inboxFile.taken(exchange); // the check

        Files.writeString(file, "B;2\nC;3\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        List<String> read = new ArrayList<>();
        csv.forEachRow(inboxFile.taken(exchange), row -> read.add(row.values().get("sku")));
        Path reportPath = inbox.resolve(".done/prices.csv.report.csv");
        ImportReport report = new ImportReport(reportPath);
        inboxFile.reportGrowth(exchange, report, csv);
        report.close();

        assertThat(read).containsExactly("A");
        assertThat(Files.readString(reportPath)).contains("0;;file-grew;").contains("1 data lines were read")
                .contains("the archived copy has 3");
    }

    @Test
    void aFileWithoutRowsGetsAReportSayingSo() throws Exception {
        Path file = Files.writeString(inbox.resolve("bundles.csv"), "sku;price\n", StandardCharsets.UTF_8);
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getIn().setHeader(Exchange.FILE_PATH, file.toString());
        ErpInboxFile inboxFile = ErpInboxFile.of(exchange);
        ErpCsvFile csv = new ErpCsvFile(new ErpFileMapping("mappings/test/bundles.yaml",
                new ErpFileMapping.Csv(';', StandardCharsets.UTF_8, true), null, List.of("sku", "price")));
        csv.forEachRow(inboxFile.taken(exchange), row -> { });
        Path reportPath = inbox.resolve(".done/bundles.csv.report.csv");
        ImportReport report = new ImportReport(reportPath);
        inboxFile.reportGrowth(exchange, report, csv);
        report.close();

        assertThat(Files.readString(reportPath)).contains("0;;empty;\"the file has no data rows");
    }
}
