package org.centraerp.connector.flows.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.centraerp.connector.erp.ErpCsvReader;
import org.centraerp.connector.mapping.ErpFileMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Product, bundle and price files are read as taken; rows appended later are reported, not cut silently. */
class CatalogueFileGrowthTest {

    @TempDir
    Path inbox;

    /** The steps every catalogue flow shares, on a two-column mapping. */
    static final class Steps extends CatalogueFileSteps<CatalogueFileSteps.Run> {
        @Override
        protected Run newRun(String fileName) {
            return new Run(fileName, new ErpFileMapping("mappings/test/prices.yaml",
                    new ErpFileMapping.Csv(';', StandardCharsets.UTF_8, true), null, List.of("sku", "price")));
        }

        @Override
        protected String rowsAre() {
            return "rows";
        }
    }

    @Test
    void rowsAppendedAfterTheFileWasTakenAreNotReadAndTheReportSaysTheFileGrew() throws Exception {
        Path file = Files.writeString(inbox.resolve("prices.csv"), "sku;price\nA;1\n", StandardCharsets.UTF_8);
        Steps steps = new Steps();
        CatalogueFileSteps.Run run = steps.open("prices.csv");
        long taken = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(steps.check(in, taken, file.toString(), run)).isNull();
        }

        Files.writeString(file, "B;2\nC;3\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        steps.begin(run);
        List<String> read = new ArrayList<>();
        try (ErpCsvReader.Batches batches = steps.batches(Files.newInputStream(file), run, 10)) {
            batches.forEachRemaining(batch -> batch.forEach(row -> read.add(row.values().get("sku"))));
        }
        File report = steps.report(run);

        assertThat(read).containsExactly("A");
        assertThat(Files.readString(report.toPath())).contains("0;;file-grew;").contains("1 data lines were read")
                .contains("the archived copy has 3");
        steps.close(run);
        assertThat(report).doesNotExist();
    }

    @Test
    void aFileWithoutRowsGetsAReportSayingSo() throws Exception {
        Path file = Files.writeString(inbox.resolve("bundles.csv"), "sku;price\n", StandardCharsets.UTF_8);
        Steps steps = new Steps();
        CatalogueFileSteps.Run run = steps.open("bundles.csv");
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(steps.check(in, Files.size(file), file.toString(), run)).isNull();
        }
        steps.begin(run);

        File report = steps.report(run);

        assertThat(Files.readString(report.toPath())).contains("0;;empty;\"the file has no data rows");
        steps.close(run);
    }
}
