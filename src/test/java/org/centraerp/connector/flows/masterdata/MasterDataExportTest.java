package org.centraerp.connector.flows.masterdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Route {@code export-master-data} against the built-in sandbox: the files the ERP gets, compared whole with
 * golden files, and left alone when nothing changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:master-data-export;DB_CLOSE_DELAY=-1",
        "connector.sandbox.rate-limit-tier=NONE"})
class MasterDataExportTest {

    @TempDir
    static Path erpFolder;

    @DynamicPropertySource
    static void erpFolder(DynamicPropertyRegistry registry) {
        registry.add("connector.erp.folder", erpFolder::toString);
    }

    @Autowired
    ProducerTemplate routes;

    private Path out(String file) {
        return erpFolder.resolve("out/master-data").resolve(file);
    }

    @Test
    void startUpExportWritesEveryEntityAsTheMappingSays() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(out("size-charts.csv")));

        for (String file : new String[] {"stores.csv", "markets.csv", "warehouses.csv", "pricelists.csv", "size-charts.csv"}) {
            assertThat(Files.readString(out(file), StandardCharsets.UTF_8)).as(file).isEqualTo(golden(file));
        }
        assertThat(erpFolder.resolve("out/master-data")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void unchangedMasterDataLeavesTheFilesAlone() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(out("size-charts.csv")));
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(out("stores.csv"), old);

        routes.sendBody("direct:export-master-data", null);

        assertThat(Files.getLastModifiedTime(out("stores.csv"))).isEqualTo(old);
    }

    private static String golden(String file) throws Exception {
        return Files.readString(Path.of("src/test/resources/golden/master-data").resolve(file), StandardCharsets.UTF_8);
    }
}
