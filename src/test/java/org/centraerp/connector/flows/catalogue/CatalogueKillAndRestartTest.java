package org.centraerp.connector.flows.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.centraerp.connector.sandbox.store.Product;
import org.centraerp.connector.sandbox.store.ProductSize;
import org.centraerp.connector.sandbox.store.ProductVariant;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.testsupport.ConnectorProcess;
import org.centraerp.connector.testsupport.InboxReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * kill -9 of the connector in the middle of a product master, then a restart: Centra ends with each product,
 * variant, size and display once, and every row is reported. This JVM is only Centra (the sandbox, 40 ms per
 * request); the connector runs in a child JVM with its state in an H2 file that survives the kill.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:catalogue-kill-sandbox;DB_CLOSE_DELAY=-1",
        "camel.main.auto-startup=false",
        "connector.master-data.at-start=false",
        "connector.sandbox.latency=40ms",
        "connector.sandbox.rate-limit-tier=NONE"})
class CatalogueKillAndRestartTest {

    private static final int STYLES = 24;
    private static final int COLOURS = 2;
    private static final List<String> SIZES = List.of("S", "M", "L");
    private static final String PREFIX = "CRASH";

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    SandboxData sandbox;

    @TempDir
    Path work;

    @Test
    void aKilledImportRestartsWithoutDuplicatesAndReportsEveryRow() throws Exception {
        http.postForEntity("/sandbox/admin/reset", null, String.class);
        Path inbox = work.resolve("erp/in/products");
        Path log = Path.of("target", "catalogue-kill.log");
        Files.deleteIfExists(log);
        List<String> arguments = arguments();

        try (ConnectorProcess first = ConnectorProcess.start("first", log, arguments)) {
            await().atMost(Duration.ofSeconds(90)).until(first::started);
            drop(inbox);
            await().atMost(Duration.ofSeconds(120)).until(() -> !first.isAlive() || products().size() >= STYLES / 3);
            assertThat(first.isAlive()).as("the connector runs (see " + log + ")").isTrue();
            first.kill();
        }
        assertThat(products()).as("killed in the middle of the file").hasSizeLessThan(STYLES);
        assertThat(InboxReports.of(inbox)).as("no report before the restart").isEmpty();

        try (ConnectorProcess second = ConnectorProcess.start("second", log, arguments)) {
            await().atMost(Duration.ofSeconds(180)).until(() -> !second.isAlive() || InboxReports.of(inbox).size() == 1);
            assertThat(second.isAlive()).as("the restarted connector runs (see " + log + ")").isTrue();
        }

        List<Product> products = products();
        assertThat(products).extracting(Product::productNumber).doesNotHaveDuplicates().hasSize(STYLES);
        Map<Integer, Product> byId = products.stream().collect(Collectors.toMap(Product::id, Function.identity()));
        List<ProductVariant> variants = sandbox.productVariants.stream()
                .filter(v -> byId.containsKey(v.productId())).toList();
        assertThat(variants).extracting(v -> v.productId() + v.variantNumber())
                .doesNotHaveDuplicates().hasSize(STYLES * COLOURS);
        List<Integer> variantIds = variants.stream().map(ProductVariant::id).toList();
        List<ProductSize> sizes = sandbox.productSizes.stream()
                .filter(s -> variantIds.contains(s.productVariantId())).toList();
        assertThat(sizes).extracting(s -> s.productVariantId() + "/" + s.sizeId())
                .doesNotHaveDuplicates().hasSize(STYLES * COLOURS * SIZES.size());
        assertThat(sandbox.displays.stream().filter(d -> byId.containsKey(d.productId())))
                .extracting(d -> d.productId() + "@" + d.storeId()).doesNotHaveDuplicates().hasSize(STYLES);

        List<CSVRecord> report = InboxReports.read(InboxReports.of(inbox).get(0));
        assertThat(report).hasSize(STYLES * COLOURS * SIZES.size());
        assertThat(report).extracting(r -> r.get("outcome")).as("no row failed").doesNotContain("failed");
    }

    private List<String> arguments() {
        List<String> arguments = ConnectorProcess.fileRouteArguments(port, work, "import-erp-file.camel.yaml");
        arguments.add("--connector.catalogue.poll-delay=200");
        return arguments;
    }

    private List<Product> products() {
        return sandbox.products.stream().filter(p -> p.productNumber().startsWith(PREFIX)).toList();
    }

    private static void drop(Path inbox) throws IOException {
        Files.createDirectories(inbox);
        StringBuilder file = new StringBuilder(
                "style_no;style_name;colour_code;colour_name;size;size_chart;ean;sku;brand;collection;folder\n");
        int row = 0;
        for (int style = 1; style <= STYLES; style++) {
            String number = PREFIX + style;
            for (int colour = 1; colour <= COLOURS; colour++) {
                for (String size : SIZES) {
                    row++;
                    file.append(String.join(";", number, "Crash style " + style, "C" + colour, "Colour " + colour,
                            size, "S-M-L", Long.toString(7_350_009_000_000L + row), number + "-C" + colour + "-" + size,
                            "Base Brand", "AW24", "Sweaters")).append('\n');
                }
            }
        }
        Path temp = inbox.resolve("crash.csv.tmp");
        Files.writeString(temp, file, StandardCharsets.UTF_8);
        Files.move(temp, inbox.resolve("crash.csv"), StandardCopyOption.ATOMIC_MOVE);
    }
}
