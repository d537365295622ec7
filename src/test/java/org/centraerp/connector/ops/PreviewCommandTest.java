package org.centraerp.connector.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import jakarta.servlet.Filter;
import org.centraerp.connector.state.TestDatabase;
import org.centraerp.connector.testsupport.ErpTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.flows.catalogue.SkuVariants;
import org.centraerp.connector.state.CatalogueIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code preview orders <n>} against a sandbox (this test's application) with an ERP folder and ERP tables on
 * PostgreSQL: it prints the order's file and rows, and writes no file, no row, and sends no mutation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:preview-sandbox;DB_CLOSE_DELAY=-1",
        "camel.main.auto-startup=false",
        "connector.sandbox.rate-limit-tier=NONE"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class PreviewCommandTest {

    /** Mutations the sandbox received, whoever sent them. */
    static final AtomicInteger MUTATIONS = new AtomicInteger();

    static final TestDatabase POSTGRESQL = new TestDatabase.Postgresql();
    static final ErpTestDatabase ERP = ErpTestDatabase.open("preview_erp", POSTGRESQL,
            "samples/erp/order-tables.sql");

    @LocalServerPort
    int port;

    /** This application's client of its own sandbox, to learn the ids the previews print. */
    @Autowired
    CentraClient centra;

    @Autowired
    CatalogueIds catalogueIds;

    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate http;

    @DynamicPropertySource
    static void erp(DynamicPropertyRegistry registry) {
        registry.add("connector.erp.folder", () -> ERP.folder().toString());
    }

    @TestConfiguration
    static class CountMutations {
        @Bean
        FilterRegistrationBean<Filter> mutationCounter() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                ContentCachingRequestWrapper cached = new ContentCachingRequestWrapper(
                        (jakarta.servlet.http.HttpServletRequest) request);
                chain.doFilter(cached, response);
                String body = new String(cached.getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
                if (body.contains("mutation")) {
                    String query = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("query").asText();
                    if (Parser.parse(query).getDefinitionsOfType(OperationDefinition.class).stream()
                            .anyMatch(o -> o.getOperation() == OperationDefinition.Operation.MUTATION)) {
                        MUTATIONS.incrementAndGet();
                    }
                }
            });
            registration.addUrlPatterns("/sandbox/graphql");
            registration.setOrder(Integer.MIN_VALUE);
            return registration;
        }
    }

    @AfterAll
    static void close() throws Exception {
        ERP.close();
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> tree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.map(p -> folder.relativize(p) + (Files.isDirectory(p) ? "/" : " " + p.toFile().length()))
                    .sorted().toList();
        }
    }

    private int preview(String... words) {
        return previewWithState("jdbc:h2:mem:preview-" + System.nanoTime(), words);
    }

    /** With a state database that outlives the preview (a file), so a test can put what was last sent in it. */
    private int previewWithState(String stateUrl, String... words) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--connector.centra.url=http://127.0.0.1:" + port + "/sandbox/graphql",
                "--connector.centra.token=sandbox-demo-token",
                "--connector.sandbox.enabled=false",
                "--spring.datasource.url=" + stateUrl,
                "--connector.erp.folder=" + ERP.folder(),
                "--connector.erp.datasource.url=" + POSTGRESQL.url(),
                "--connector.erp.datasource.username=postgres"));
        args.addAll(1, List.of(words));
        return PreviewCommand.run(args.toArray(String[]::new));
    }

    @Test
    void previewOfAnOrderPrintsItsFileAndRowsAndWritesAndSendsNothing(CapturedOutput output) throws IOException {
        List<String> folderBefore = tree(ERP.folder());
        int mutationsBefore = MUTATIONS.get();

        int status = preview("preview", "orders", "14");

        assertThat(status).isZero();
        String out = output.getOut();
        assertThat(out).contains("# Preview of order 14 with mappings/default/orders.yaml")
                .contains("# out/orders/order-14-1.json")
                .contains("\"order_number\" : 14")
                .contains("\"export_version\" : 1")
                .contains("\"status\" : \"NEW\"")
                .contains("\"lines\" : [")
                .contains("# ERP table erp_order_header: 1 row")
                .contains("# ERP table erp_order_line: ");
        assertThat(tree(ERP.folder())).isEqualTo(folderBefore);
        assertThat(ERP.jdbc().queryForObject("SELECT COUNT(*) FROM erp_order_header", Integer.class)).isZero();
        assertThat(ERP.jdbc().queryForObject("SELECT COUNT(*) FROM erp_order_line", Integer.class)).isZero();
        assertThat(MUTATIONS.get()).isEqualTo(mutationsBefore);
    }

    @Test
    void previewOfAReturnPrintsItsFileAndRowsAndWritesAndSendsNothing(CapturedOutput output) throws IOException {
        int order = org.centraerp.connector.testsupport.SandboxOrders.placeShipped(http, centra);
        com.fasterxml.jackson.databind.JsonNode shipment = centra.query("testOrderShipments",
                java.util.Map.of("number", order)).data().path("orders").get(0).path("shipments").get(0);
        long returnId = centra.mutate("createReturn", java.util.Map.of("shipment", shipment.path("id").asInt(),
                "lines", List.of(java.util.Map.of("shipmentLine", java.util.Map.of("id",
                        shipment.path("lines").get(0).path("id").asInt()), "quantity", 1)),
                "policy", java.util.Map.of("releaseItemsBackToWarehouse", true), "comment", "Too small"),
                CentraClient.Retry.NEVER).orThrow().path("return").path("id").asLong();
        List<String> folderBefore = tree(ERP.folder());
        int mutationsBefore = MUTATIONS.get();

        int status = preview("preview", "returns", String.valueOf(returnId));

        assertThat(status).isZero();
        String out = output.getOut().substring(output.getOut().lastIndexOf("# Preview of return " + returnId));
        assertThat(out).startsWith("# Preview of return " + returnId + " with mappings/default/returns-export.yaml:"
                        + " nothing is written, nothing is sent")
                .contains("# out/returns/return-" + returnId + "-1.json")
                .contains("\"return_id\" : " + returnId)
                .contains("\"export_version\" : 1")
                .contains("\"status\" : \"IN_PROGRESS\"")
                .contains("\"order_number\" : " + order)
                .contains("\"comment\" : \"Too small\"")
                .containsPattern("\"sku\" : \"[A-Z]")
                .contains("# ERP table erp_return_header: 1 row")
                .contains("# ERP table erp_return_line: 1 row");
        assertThat(tree(ERP.folder())).isEqualTo(folderBefore);
        assertThat(MUTATIONS.get()).isEqualTo(mutationsBefore);
        assertThat(preview("preview", "returns", "999999")).isEqualTo(1);
        assertThat(output.getOut()).contains("preview: Centra has no return 999999");
    }

    @Test
    void anUnknownOrderIsOneLineAndMasterDataPreviewsTheEntitysFile(CapturedOutput output) {
        int mutationsBefore = MUTATIONS.get();
        assertThat(preview("preview", "orders", "999999")).isEqualTo(1);
        assertThat(output.getOut()).contains("preview: Centra has no order 999999");

        assertThat(preview("preview", "master-data", "warehouses")).isZero();
        assertThat(output.getOut()).contains("# out/master-data/warehouses.csv")
                .contains("warehouse_id;warehouse_name;status;active")
                .contains("# ERP table erp_warehouse: ");
        assertThat(preview("preview", "customers", "1")).isZero();
        assertThat(output.getOut()).contains("# Preview of customers 1 with mappings/default/customers.yaml")
                .containsPattern("# out/customers/customer-1-2024-01-15T[0-9-]+\\.json")
                .contains("\"customer_id\" : 1");
        assertThat(MUTATIONS.get()).isEqualTo(mutationsBefore);
    }

    @Test
    void previewOfAStockFilePrintsPerLineTheMutationOrWhyNotAndSendsNothing(CapturedOutput output)
            throws IOException {
        Path file = Files.createTempDirectory("preview-stock").resolve("stock.csv");
        Files.writeString(file, "sku;warehouse;quantity\nSWEATER-RED-S;WH1;12\nSWEATER-RED-M;WH2;6\n"
                + "SWEATER-RED-L;WH9;1\nSWEATER-RED-L;WH1;abc\nSWEATER-BLUE-S;WH2;-3\n");
        int mutationsBefore = MUTATIONS.get();

        assertThat(preview("preview", "stock", file.toString())).isZero();

        assertThat(output.getOut()).contains("# Preview of stock.csv with mappings/default/stock.yaml: nothing is sent")
                .contains("line 2: SKU SWEATER-RED-S in warehouse 1: 12 — setStock warehouse 1 #1")
                .contains("line 3: SKU SWEATER-RED-M in warehouse 2: 6 — setStock warehouse 2 #1")
                // mapping problems as the stock report gives them
                .containsPattern("line 4: invalid — stock.csv line 4: .*'WH9'.*centra-warehouse-ids")
                .containsPattern("line 5: invalid — stock.csv line 5: .*field quantity.*'abc'")
                .contains("line 6: invalid — stock.csv line 6: field quantity: -3 is negative; physical stock is 0 or"
                        + " more")
                .contains("# setStock warehouse 1 #1 (1 sizes), variables:")
                .contains("\"SKU\" : \"SWEATER-RED-S\"").contains("\"stockQuantityType\" : \"PHYSICAL\"");
        assertThat(MUTATIONS.get()).isEqualTo(mutationsBefore);
        assertThat(file.getParent().toFile().list()).containsExactly("stock.csv");
    }

    /** A state database in a file: a preview fills its tables, the test reads and writes them between previews. */
    private static String fileState(Path folder) {
        return "jdbc:h2:file:" + folder.resolve("state").toAbsolutePath() + ";WRITE_DELAY=0";
    }

    private static JdbcTemplate state(String url) {
        return new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
    }

    private static List<String> rows(JdbcTemplate state, String table) {
        return state.queryForList("SELECT * FROM " + table).stream().map(String::valueOf).sorted().toList();
    }

    @Test
    void theStockPreviewSaysALineIsSkippedWhenItsQuantityWasLastSent(CapturedOutput output) throws IOException {
        Path folder = Files.createTempDirectory("preview-stock-unchanged");
        String url = fileState(folder);
        Path file = folder.resolve("stock.csv");
        Files.writeString(file, "sku;warehouse;quantity\nSWEATER-RED-S;WH1;12\nSWEATER-RED-M;WH1;7\n");
        assertThat(previewWithState(url, "preview", "stock", file.toString())).isZero();
        assertThat(output.getOut()).contains("line 2: SKU SWEATER-RED-S in warehouse 1: 12 — setStock warehouse 1 #1");
        JdbcTemplate state = state(url);
        state.update("INSERT INTO connector_sent_value (flow, item_key, item_value, updated_at)"
                + " VALUES ('stock', '1|SKU:SWEATER-RED-S', '12@earlier-pass', CURRENT_TIMESTAMP)");
        List<String> sentBefore = rows(state, "connector_sent_value");
        int mutationsBefore = MUTATIONS.get();

        assertThat(previewWithState(url, "preview", "stock", file.toString())).isZero();

        String second = output.getOut().substring(output.getOut().lastIndexOf("# Preview of stock.csv"));
        assertThat(second).contains("line 2: SKU SWEATER-RED-S in warehouse 1: 12 — skipped, unchanged since it was"
                        + " last sent")
                .contains("line 3: SKU SWEATER-RED-M in warehouse 1: 7 — setStock warehouse 1 #1")
                .contains("# setStock warehouse 1 #1 (1 sizes), variables:")
                .doesNotContain("\"SKU\" : \"SWEATER-RED-S\"");
        assertThat(MUTATIONS.get()).isEqualTo(mutationsBefore);
        assertThat(rows(state, "connector_sent_value")).isEqualTo(sentBefore);
    }

    @Test
    void previewOfAPriceFilePrintsPerLineTheSetPricesCallOrWhyNotAndSendsAndRemembersNothing(CapturedOutput output)
            throws IOException {
        Path folder = Files.createTempDirectory("preview-prices");
        String url = fileState(folder);
        Path file = folder.resolve("prices.csv");
        Files.writeString(file, "pricelist;sku;price;currency;sale_price\n"
                + "RETAIL-SEK;SWEATER-RED-S;799.00;SEK;\n"
                + "RETAIL-EUR;SWEATER-RED-S;79.95;EUR;\n"
                + "RETAIL-SEK;NO-SUCH-SKU;10.00;SEK;\n"
                + "RETAIL-SEK;SWEATER-BLUE-S;abc;SEK;\n"
                + "RETAIL-SEK;SWEATER-BLUE-S;699.00;EUR;\n"
                + "RETAIL-SEK;CHAIR-OAK;699.00;SEK;599.00\n");
        assertThat(previewWithState(url, "preview", "prices", file.toString())).isZero();
        long sek = pricelist("SEK");
        long eur = pricelist("EUR");
        SkuVariants.VariantRef red = new SkuVariants(centra, catalogueIds).find("SWEATER-RED-S").orElseThrow();
        JdbcTemplate state = state(url);
        // the EUR price of the red sweater was sent by an earlier import
        state.update("INSERT INTO connector_sent_value (flow, item_key, item_value, updated_at)"
                + " VALUES ('prices', ?, 'EUR|79.95|', CURRENT_TIMESTAMP)", eur + ":" + red.variantId());
        List<String> sentBefore = rows(state, "connector_sent_value");
        int mutationsBefore = MUTATIONS.get();

        assertThat(previewWithState(url, "preview", "prices", file.toString())).isZero();

        String out = output.getOut().substring(output.getOut().lastIndexOf("# Preview of prices.csv"));
        assertThat(out).startsWith("# Preview of prices.csv with mappings/default/prices.yaml: nothing is sent")
                .contains("line 2: SWEATER-RED-S in pricelist SEK: 799.00 SEK — setPrices pricelist " + sek + " #1")
                .contains("line 3: SWEATER-RED-S in pricelist EUR: 79.95 EUR — skipped, unchanged since it was"
                        + " last sent")
                // the reasons are those of the price report
                .contains("line 4: NO-SUCH-SKU in pricelist SEK: failed — unknown SKU 'NO-SUCH-SKU': not in Centra"
                        + " (import the product first)")
                .contains("line 5: SWEATER-BLUE-S in pricelist SEK: failed — field price: not a decimal number 'abc'")
                .contains("line 6: SWEATER-BLUE-S in pricelist SEK: failed — currency EUR is not the currency of"
                        + " pricelist 'SEK' (SEK)")
                .contains("line 7: CHAIR-OAK in pricelist SEK: 599.00 SEK (before 699.00) — setPrices"
                        + " pricelist " + sek + " #1")
                .contains("# setPrices pricelist " + sek + " #1 (2 products), variables:")
                .contains("\"productVariant\" : {\n          \"id\" : " + red.variantId())
                .doesNotContain("# setPrices pricelist " + eur + " ");
        assertThat(MUTATIONS.get()).isEqualTo(mutationsBefore);
        assertThat(rows(state, "connector_sent_value")).isEqualTo(sentBefore);
    }

    private long pricelist(String name) {
        return centra.pages("pricelists", java.util.Map.of(), "pricelists", CentraClient.MAX_PAGE_SIZE)
                .filter(p -> name.equals(p.path("name").asText())).findFirst().orElseThrow().path("id").asLong();
    }

    @Test
    void previewOfAShipmentFilePrintsPerShipmentTheCallsOrWhyNotAndSendsAndRecordsNothing(CapturedOutput output)
            throws IOException {
        int order = org.centraerp.connector.testsupport.SandboxOrders.placeOne(http);
        com.fasterxml.jackson.databind.JsonNode line = org.centraerp.connector.testsupport.SandboxOrders
                .order(centra, order).path("lines").get(0);
        String sku = line.path("productSize").path("SKU").asText();
        Path folder = Files.createTempDirectory("preview-shipments");
        String url = fileState(folder);
        Path file = folder.resolve("shipments.csv");
        String head = "shipment_no;order_no;sku;ean;quantity;carrier;service;tracking_no;tracking_url;"
                + "return_tracking_no;packages;shipped_at\n";
        Files.writeString(file, head
                + "SHP-NEW;" + order + ";" + sku + ";;1;PostNord;MyPack Home;TRACK-1;;;1;\n"
                + "SHP-UNKNOWN;999999;" + sku + ";;1;PostNord;;;;;1;\n"
                + "SHP-WRONG;" + order + ";NO-SUCH-SKU;;1;PostNord;;;;;1;\n"
                + "SHP-DONE;" + order + ";" + sku + ";;1;PostNord;;;;;1;\n");
        assertThat(previewWithState(url, "preview", "shipments", file.toString())).isZero();
        JdbcTemplate state = state(url);
        // as route import-shipment-file records a shipment it completed
        state.update("INSERT INTO connector_shipment_progress (flow, erp_reference, order_number, centra_id, step,"
                + " created_at, updated_at) VALUES ('shipments', 'SHP-DONE', ?, 77, 'COMPLETED', CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP)", order);
        List<String> progressBefore = rows(state, "connector_shipment_progress");
        int mutationsBefore = MUTATIONS.get();

        assertThat(previewWithState(url, "preview", "shipments", file.toString())).isZero();

        String out = output.getOut().substring(output.getOut().lastIndexOf("# Preview of shipments.csv"));
        assertThat(out).startsWith("# Preview of shipments.csv with mappings/default/shipments.yaml: nothing is sent")
                .contains("line 2: shipment SHP-NEW of order " + order + " — createShipment, tagShipment,"
                        + " captureShipment, completeShipment")
                .contains("\"orderLine\" : {\n      \"id\" : " + line.path("id").asInt())
                .contains("\"externalId\" : \"SHP-NEW\"")
                .contains("\"trackingNumber\" : \"TRACK-1\"")
                .contains("\"id\" : \"(id of the new shipment)\"")
                .contains("line 3: shipment SHP-UNKNOWN of order 999999 — refused — unknown order 999999")
                .contains("line 4: shipment SHP-WRONG of order " + order + " — refused — line not in order: SKU"
                        + " NO-SUCH-SKU is not in order " + order)
                .contains("line 5: shipment SHP-DONE of order " + order + " — skipped, completed earlier as Centra"
                        + " shipment 77");
        assertThat(MUTATIONS.get()).isEqualTo(mutationsBefore);
        assertThat(rows(state, "connector_shipment_progress")).isEqualTo(progressBefore);
        assertThat(org.centraerp.connector.testsupport.SandboxOrders.order(centra, order).path("shipments"))
                .isEmpty();
    }

    @Test
    void previewOfAnErpReturnsFilePrintsPerReturnTheCallsOrWhyNotAndSendsNothing(CapturedOutput output)
            throws IOException {
        int order = org.centraerp.connector.testsupport.SandboxOrders.placeShipped(http, centra);
        int done = org.centraerp.connector.testsupport.SandboxOrders.placeShipped(http, centra);
        com.fasterxml.jackson.databind.JsonNode shipped = centra.query("testOrderShipments",
                java.util.Map.of("number", order)).data().path("orders").get(0);
        String sku = shipped.path("lines").get(0).path("productSize").path("SKU").asText();
        com.fasterxml.jackson.databind.JsonNode doneShipment = centra.query("testOrderShipments",
                java.util.Map.of("number", done)).data().path("orders").get(0);
        String doneSku = doneShipment.path("lines").get(0).path("productSize").path("SKU").asText();
        com.fasterxml.jackson.databind.JsonNode shipment = doneShipment.path("shipments").get(0);
        // a return the ERP sent before, made and completed in Centra
        long doneId = centra.mutate("createReturn", java.util.Map.of("shipment", shipment.path("id").asInt(),
                "lines", List.of(java.util.Map.of("shipmentLine", java.util.Map.of("id",
                        shipment.path("lines").get(0).path("id").asInt()), "quantity", 1)),
                "policy", java.util.Map.of("releaseItemsBackToWarehouse", true), "externalId", "RET-DONE"),
                CentraClient.Retry.NEVER).orThrow().path("return").path("id").asLong();
        centra.mutate("completeReturn", java.util.Map.of("id", doneId, "sendEmail", false), CentraClient.Retry.SAFE)
                .orThrow();
        Path file = Files.createTempDirectory("preview-returns-file").resolve("returns.csv");
        Files.writeString(file, "return_no;order_no;sku;ean;quantity;restock;comment\n"
                + "RET-NEW;" + order + ";" + sku + ";;1;yes;Too small\n"
                + "RET-UNKNOWN;999999;" + sku + ";;1;yes;\n"
                + "RET-MORE;" + order + ";" + sku + ";;99;yes;\n"
                + "RET-DONE;" + done + ";" + doneSku + ";;1;yes;\n");
        int mutationsBefore = MUTATIONS.get();

        assertThat(preview("preview", "returns-file", file.toString())).isZero();

        String out = output.getOut().substring(output.getOut().lastIndexOf("# Preview of returns.csv"));
        assertThat(out).startsWith("# Preview of returns.csv with mappings/default/returns.yaml: nothing is sent")
                .contains("line 2: return RET-NEW of order " + order + " — createReturn, completeReturn")
                .contains("\"shipment\" : " + shipped.path("shipments").get(0).path("id").asInt())
                .contains("\"releaseItemsBackToWarehouse\" : true")
                .contains("\"externalId\" : \"RET-NEW\"")
                .contains("\"comment\" : \"Too small\"")
                .contains("\"id\" : \"(id of the new return)\"")
                .contains("line 3: return RET-UNKNOWN of order 999999 — refused — unknown order 999999")
                .contains("line 4: return RET-MORE of order " + order + " — refused — quantity more than shipped:")
                .contains("line 5: return RET-DONE of order " + done + " — skipped, returned earlier; nothing sent");
        assertThat(MUTATIONS.get()).isEqualTo(mutationsBefore);
        assertThat(centra.query("testOrderShipments", java.util.Map.of("number", order)).data().path("orders").get(0)
                .path("shipments").get(0).path("returns")).isEmpty();
    }

    private static final String PRODUCT_HEAD = "style_no;style_name;colour_code;colour_name;size;size_chart;ean;sku;"
            + "brand;collection;folder\n";

    @Autowired
    org.centraerp.connector.flows.catalogue.ProductFileImport productFileImport;

    @Test
    void previewOfANewProductFilePrintsTheCreateProductCallAndNamesWhatWouldBeCreatedAndSendsNothing(
            CapturedOutput output) throws IOException {
        Path folder = Files.createTempDirectory("preview-products");
        String url = fileState(folder);
        Path file = folder.resolve("products.csv");
        Files.writeString(file, PRODUCT_HEAD
                + "HOODIE;Hoodie;BLACK;Black;XS;XS-S;7350009000011;HOODIE-BLACK-XS;Preview Brand;AW24;Hoodies\n"
                + "HOODIE;Hoodie;BLACK;Black;S;XS-S;7350009000028;HOODIE-BLACK-S;Preview Brand;AW24;Hoodies\n"
                + "HOODIE;Hoodie;GREY;Grey;XS;XS-S;7350009000035;HOODIE-GREY-XS;Preview Brand;AW24;Hoodies\n"
                + "HOODIE;;GREY;Grey;S;XS-S;7350009000042;HOODIE-GREY-S;Preview Brand;AW24;Hoodies\n"
                + "SWEATER;Sweater;RED;Red;S;S-M-L;7350001000015;SWEATER-RED-S;Base Brand;AW24;Sweaters\n"
                + "SWEATER;Sweater;RED;Red;XL;S-M-L;7350001000999;SWEATER-RED-XL;Base Brand;AW24;Sweaters\n");
        int mutationsBefore = MUTATIONS.get();

        assertThat(previewWithState(url, "preview", "products", file.toString())).isZero();

        String out = output.getOut().substring(output.getOut().lastIndexOf("# Preview of products.csv"));
        assertThat(out).startsWith("# Preview of products.csv with mappings/default/products.yaml: nothing is sent")
                .contains("# would be created first (named here, not created): size chart 'XS-S' (sizes XS, S),"
                        + " brand 'Preview Brand', folder 'Hoodies'")
                .contains("line 2: HOODIE|BLACK|XS — createProduct HOODIE, createDisplay HOODIE in store 1")
                .contains("line 4: HOODIE|GREY|XS — createProduct HOODIE, createDisplay HOODIE in store 1")
                // the reason the product report gives
                .containsPattern("line 5: failed — field productName: .+")
                // in Centra already, unknown to this (empty) id table: linked and sent, as the import would
                .contains("line 6: SWEATER|RED|S — updateProduct SWEATER, updateProductVariant SWEATER|RED,"
                        + " updateProductSize SWEATER|RED|S")
                .contains("line 7: SWEATER|RED|XL — failed — size chart 'S-M-L' has no size 'XL' (sizes: S, M, L)")
                .contains("# createProduct HOODIE (2 variants with their sizes), variables:")
                .contains("\"productNumber\" : \"HOODIE\"")
                .contains("\"brand\" : {\n      \"id\" : \"(id of the new brand 'Preview Brand')\"")
                .contains("\"collection\" : {\n      \"id\" : 2\n")
                .contains("\"id\" : \"(id of the new size chart 'XS-S')\"")
                .contains("\"EAN\" : \"7350009000028\"")
                .contains("\"sizeNumber\" : \"-XS\"")
                .contains("# createDisplay HOODIE in store 1, variables:")
                .contains("\"id\" : \"(id of the new product 'HOODIE')\"")
                .contains("\"id\" : \"(id of the new variant 'HOODIE|GREY')\"")
                .contains("# updateProduct SWEATER (id 1), found in Centra by product number (the import links it"
                        + " in the id table): never sent by this connector, variables:")
                .contains("# updateProductVariant SWEATER|RED (id 1): never sent by this connector, variables:")
                .doesNotContain("7350009000042")
                .doesNotContain("createDisplay SWEATER")
                .doesNotContain("updateDisplay");
        assertThat(MUTATIONS.get()).isEqualTo(mutationsBefore);
        JdbcTemplate state = state(url);
        assertThat(rows(state, "connector_catalogue_id")).isEmpty();
        assertThat(rows(state, "connector_sent_value")).isEmpty();
        assertThat(centra.pages("catalogue/brands", java.util.Map.of(), "brands", CentraClient.MAX_PAGE_SIZE)
                .map(b -> b.path("name").asText())).doesNotContain("Preview Brand");
        assertThat(centra.query("catalogue/productByNumber", java.util.Map.of("productNumber", "HOODIE")).data()
                .path("products")).isEmpty();
    }

    @Test
    void aProductFilePreviewedAfterItWasImportedIsUnchangedAndAChangedSizeIsOneUpdate(CapturedOutput output)
            throws IOException {
        Path folder = Files.createTempDirectory("preview-products-imported");
        Path file = folder.resolve("parka.csv");
        String rows = "PARKA;Parka;NAVY;Navy;S;S-M-L;7350009100011;PARKA-NAVY-S;Base Brand;AW24;Sweaters\n"
                + "PARKA;Parka;NAVY;Navy;M;S-M-L;7350009100028;PARKA-NAVY-M;Base Brand;AW24;Sweaters\n"
                + "PARKA;Parka;OLIVE;Olive;S;S-M-L;7350009100035;PARKA-OLIVE-S;Base Brand;AW24;Sweaters\n";
        Files.writeString(file, PRODUCT_HEAD + rows);
        importProducts(file);
        assertThat(catalogueIds.find("Product", "PARKA")).isPresent();
        // this application's own state database: the one the import just filled
        String url = "jdbc:h2:mem:preview-sandbox;DB_CLOSE_DELAY=-1";
        JdbcTemplate state = state(url);
        List<String> idsBefore = rows(state, "connector_catalogue_id");
        List<String> sentBefore = rows(state, "connector_sent_value");
        int mutationsBefore = MUTATIONS.get();

        assertThat(previewWithState(url, "preview", "products", file.toString())).isZero();

        String out = output.getOut().substring(output.getOut().lastIndexOf("# Preview of parka.csv"));
        assertThat(out).contains("line 2: PARKA|NAVY|S — skipped, unchanged since it was last sent")
                .contains("line 3: PARKA|NAVY|M — skipped, unchanged since it was last sent")
                .contains("line 4: PARKA|OLIVE|S — skipped, unchanged since it was last sent")
                .doesNotContain("# would be created").doesNotContain("variables:");

        Path changed = folder.resolve("parka-2.csv");
        Files.writeString(changed, PRODUCT_HEAD + rows.replace("7350009100028", "7350009199999")
                + "PARKA;Parka;OLIVE;Olive;M;S-M-L;7350009100042;PARKA-OLIVE-M;Base Brand;AW24;Sweaters\n");
        long sizeId = catalogueIds.find("ProductSize", "PARKA|NAVY|M").orElseThrow().id();
        long oliveId = catalogueIds.find("ProductVariant", "PARKA|OLIVE").orElseThrow().id();

        assertThat(previewWithState(url, "preview", "products", changed.toString())).isZero();

        out = output.getOut().substring(output.getOut().lastIndexOf("# Preview of parka-2.csv"));
        assertThat(out).contains("line 2: PARKA|NAVY|S — skipped, unchanged since it was last sent")
                .contains("line 3: PARKA|NAVY|M — updateProductSize PARKA|NAVY|M")
                .contains("line 4: PARKA|OLIVE|S — skipped, unchanged since it was last sent")
                .contains("line 5: PARKA|OLIVE|M — createProductSize PARKA|OLIVE|M")
                .contains("# updateProductSize PARKA|NAVY|M (id " + sizeId + "): one or more of its size fields"
                        + " (EAN, UPC, sizeNumber) changed since last sent, variables:")
                .contains("\"EAN\" : \"7350009199999\"")
                .contains("# createProductSize PARKA|OLIVE|M, variables:")
                .contains("\"productVariant\" : {\n      \"id\" : " + oliveId)
                .doesNotContain("updateProduct PARKA").doesNotContain("createProduct ")
                .doesNotContain("Display");
        assertThat(MUTATIONS.get()).isEqualTo(mutationsBefore);
        assertThat(rows(state, "connector_catalogue_id")).isEqualTo(idsBefore);
        assertThat(rows(state, "connector_sent_value")).isEqualTo(sentBefore);
    }

    /** The product flow's own steps, as route import-product-file runs them, on this application's state. */
    private void importProducts(Path file) throws IOException {
        var steps = productFileImport;
        importFile(steps, file, (batch, run) -> steps.send(steps.keepChanges(steps.map(batch, run)), run),
                steps::sendRest, "3 created");
    }

    /**
     * A catalogue flow's steps on {@code file} as the import template runs them: check, begin, each batch (map,
     * keep the changes, send), the rest; the report's summary holds {@code summary}.
     */
    private static <R extends org.centraerp.connector.flows.catalogue.CatalogueFileSteps.Run> void importFile(
            org.centraerp.connector.flows.catalogue.CatalogueFileSteps<R> steps, Path file,
            java.util.function.BiConsumer<List<org.centraerp.connector.erp.ErpCsvReader.Row>, R> sendBatch,
            java.util.function.Consumer<R> sendRest, String summary) throws IOException {
        R run = steps.open(file.getFileName().toString());
        try {
            try (java.io.InputStream in = Files.newInputStream(file)) {
                assertThat(steps.check(in, Files.size(file), file.toString(), run)).isNull();
            }
            steps.begin(run);
            try (java.io.InputStream in = Files.newInputStream(file)) {
                var batches = steps.batches(in, run, 100);
                while (batches.hasNext()) {
                    sendBatch.accept(batches.next(), run);
                }
            }
            sendRest.accept(run);
            assertThat(run.report().summary()).contains(summary);
        } finally {
            steps.close(run);
        }
    }

    @Autowired
    org.centraerp.connector.flows.catalogue.BundleFileImport bundleFileImport;

    @Test
    void previewOfABundleFileSaysCreateThenAfterTheImportUnchangedThenUpdateAndSendsNothing(CapturedOutput output)
            throws IOException {
        Path folder = Files.createTempDirectory("preview-bundles");
        Path file = folder.resolve("bundles.csv");
        String head = "bundle_no;bundle_name;component_sku;quantity\n";
        String rows = "BUNDLE-PREVIEW;Preview set;SWEATER-RED-M;1\nBUNDLE-PREVIEW;Preview set;CHAIR-OAK;2\n";
        Files.writeString(file, head + rows + "BUNDLE-PREVIEW;Preview set;NO-SUCH-SKU;1\n"
                + "BUNDLE-OTHER;Other set;CHAIR-OAK;many\n");
        String url = "jdbc:h2:mem:preview-sandbox;DB_CLOSE_DELAY=-1";
        JdbcTemplate state = state(url);
        List<String> idsBefore = rows(state, "connector_catalogue_id");
        List<String> sentBefore = rows(state, "connector_sent_value");
        int mutationsBefore = MUTATIONS.get();

        assertThat(previewWithState(url, "preview", "bundles", file.toString())).isZero();

        String out = output.getOut().substring(output.getOut().lastIndexOf("# Preview of bundles.csv"));
        assertThat(out).startsWith("# Preview of bundles.csv with mappings/default/bundles.yaml: nothing is sent")
                .contains("line 2: BUNDLE-PREVIEW|SWEATER-RED-M — createBundle BUNDLE-PREVIEW")
                .contains("line 3: BUNDLE-PREVIEW|CHAIR-OAK — createBundle BUNDLE-PREVIEW")
                .contains("line 4: BUNDLE-PREVIEW|NO-SUCH-SKU — failed — unknown component SKU 'NO-SUCH-SKU':"
                        + " import its product first (or check the SKU)")
                .containsPattern("line 5: failed — field quantity: .+")
                .contains("# createBundle BUNDLE-PREVIEW (2 sections), variables:")
                .contains("\"productNumber\" : \"BUNDLE-PREVIEW\"")
                .contains("\"quantity\" : 2");
        assertThat(MUTATIONS.get()).isEqualTo(mutationsBefore);
        assertThat(rows(state, "connector_catalogue_id")).isEqualTo(idsBefore);
        assertThat(rows(state, "connector_sent_value")).isEqualTo(sentBefore);

        Path imported = folder.resolve("bundles-1.csv");
        Files.writeString(imported, head + rows);
        importBundles(imported);
        long bundleId = catalogueIds.find("Bundle", "BUNDLE-PREVIEW").orElseThrow().id();
        idsBefore = rows(state, "connector_catalogue_id");
        sentBefore = rows(state, "connector_sent_value");
        mutationsBefore = MUTATIONS.get();

        assertThat(previewWithState(url, "preview", "bundles", imported.toString())).isZero();
        out = output.getOut().substring(output.getOut().lastIndexOf("# Preview of bundles-1.csv"));
        assertThat(out).contains("line 2: BUNDLE-PREVIEW|SWEATER-RED-M — skipped, unchanged since it was last sent")
                .contains("line 3: BUNDLE-PREVIEW|CHAIR-OAK — skipped, unchanged since it was last sent")
                .doesNotContain("variables:");

        Path changed = folder.resolve("bundles-2.csv");
        Files.writeString(changed, head + rows.replace("CHAIR-OAK;2", "CHAIR-OAK;3"));
        assertThat(previewWithState(url, "preview", "bundles", changed.toString())).isZero();
        out = output.getOut().substring(output.getOut().lastIndexOf("# Preview of bundles-2.csv"));
        assertThat(out).contains("line 3: BUNDLE-PREVIEW|CHAIR-OAK — updateBundle BUNDLE-PREVIEW")
                .contains("# updateBundle BUNDLE-PREVIEW (id " + bundleId + "): its name, status, type, sizes or"
                        + " components changed since last sent; its sections are replaced, variables:")
                .contains("\"deleteBundleSections\" : [ {")
                .contains("\"quantity\" : 3");
        assertThat(MUTATIONS.get()).isEqualTo(mutationsBefore);
        assertThat(rows(state, "connector_catalogue_id")).isEqualTo(idsBefore);
        assertThat(rows(state, "connector_sent_value")).isEqualTo(sentBefore);
    }

    /** The bundle flow's own steps, as route import-bundle-file runs them, on this application's state. */
    private void importBundles(Path file) throws IOException {
        var steps = bundleFileImport;
        importFile(steps, file, (batch, run) -> steps.send(steps.keepChanges(steps.map(batch, run)), run),
                steps::sendRest, "2 created");
    }
}
