package org.centraerp.connector.flows.masterdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A token that may read stores but nothing else: stores still reach the ERP, the rest is one warning each. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:master-data-permission;DB_CLOSE_DELAY=-1",
        "connector.centra.token=sandbox-stores-token",
        "connector.sandbox.rate-limit-tier=NONE",
        "connector.master-data.at-start=false"})
class MasterDataExportPermissionTest {

    @TempDir
    static Path erpFolder;

    @DynamicPropertySource
    static void erpFolder(DynamicPropertyRegistry registry) {
        registry.add("connector.erp.folder", erpFolder::toString);
    }

    @Autowired
    ProducerTemplate routes;

    @Test
    void missingPermissionForOneEntityDoesNotStopTheOthers(CapturedOutput output) {
        routes.sendBody("direct:export-master-data", null);

        assertThat(erpFolder.resolve("out/master-data/stores.csv")).exists();
        assertThat(Files.exists(erpFolder.resolve("out/master-data/markets.csv"))).isFalse();
        assertThat(output.getOut())
                .contains("Master data markets not exported: Centra token lacks the Market:read permission")
                .contains("Master data sizeCharts not exported: Centra token lacks the SizeChart:read permission")
                // one line each: the next line is a new log line, not a stack trace
                .containsPattern("Master data markets not exported: [^\\n]*\\n\\d{4}-\\d\\d-\\d\\dT");
    }
}
