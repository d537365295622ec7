package org.centraerp.connector.flows.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.micrometer.core.instrument.MeterRegistry;
import org.centraerp.connector.state.CatalogueIds;
import org.centraerp.connector.state.SentValues;
import org.centraerp.connector.state.StateDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on embedded defaults (sandbox on, H2 in memory) with the product and price routes, an ERP folder
 * of its own, and no rate limits; one Spring context shared by the catalogue and price tests. Every test starts from
 * the seeded sandbox, empty inboxes and an empty id table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:catalogue-end-to-end;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=file:routes/import-erp-file.camel.yaml",
        "connector.master-data.at-start=false",
        "connector.catalogue.poll-delay=200",
        "connector.sandbox.rate-limit-tier=NONE",
        "connector.centra.rate-limit.mutations-per-10s=0",
        "connector.centra.rate-limit.requests-per-10s=0"})
public abstract class CatalogueEndToEndSupport {

    public static final String PRODUCTS_SAMPLE = "samples/products/products.csv";
    public static final String PRICES_SAMPLE = "samples/prices/prices.csv";
    public static final String BUNDLES_SAMPLE = "samples/bundles/bundles.csv";

    static final Path ERP_FOLDER = tempFolder();

    @DynamicPropertySource
    static void erpFolder(DynamicPropertyRegistry registry) {
        registry.add("connector.erp.folder", ERP_FOLDER::toString);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MeterRegistry meters;

    @Autowired
    protected SentValues sentValues;

    @Autowired
    protected CatalogueIds ids;

    @Autowired
    protected StateDatabase state;

    protected CatalogueTestSupport products;
    protected CatalogueTestSupport prices;
    protected CatalogueTestSupport bundles;

    @BeforeEach
    void freshStoreAndInboxes() {
        products = new CatalogueTestSupport(ERP_FOLDER.resolve("in/products"), "http://127.0.0.1:" + port);
        prices = new CatalogueTestSupport(ERP_FOLDER.resolve("in/prices"), "http://127.0.0.1:" + port);
        bundles = new CatalogueTestSupport(ERP_FOLDER.resolve("in/bundles"), "http://127.0.0.1:" + port);
        products.clearInbox();
        prices.clearInbox();
        bundles.clearInbox();
        products.resetSandbox();
        sentValues.forgetAll(CatalogueState.FLOW);
        sentValues.forgetAll("prices");
        ids.forgetAll();
    }

    private static Path tempFolder() {
        try {
            Path folder = Files.createTempDirectory("catalogue-erp");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
