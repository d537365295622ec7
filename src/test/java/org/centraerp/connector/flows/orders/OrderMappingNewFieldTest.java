package org.centraerp.connector.flows.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.testsupport.SandboxOrders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A brand's copy of the default orders mapping with one more header field, {@code totals.itemsSubtotal.value},
 * which the shipped order query never asked for: on the next start (no rebuild) the order query asks for it and every
 * new order file carries it, on embedded defaults.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:orders-new-field;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=file:routes/export-orders.camel.yaml",
        "connector.customer=acme",
        "connector.sandbox.rate-limit-tier=NONE",
        "connector.centra.rate-limit.requests-per-10s=0",
        "connector.centra.rate-limit.mutations-per-10s=0",
        "connector.orders.work-interval=200ms",
        "connector.orders.poll.schedule=0/2 * * * * ?"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OrderMappingNewFieldTest {

    static final Path WORK = temporaryFolder();

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("connector.mappings-dir", () -> WORK.resolve("mappings").toString());
        registry.add("connector.erp.folder", () -> WORK.resolve("erp").toString());
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    CentraClient centra;

    @Test
    void aHeaderFieldTheShippedQueryNeverAskedForIsInEveryNewOrderFile() {
        assertThat(centra.documentText("orders")).contains("itemsSubtotal");
        List<Long> numbers = SandboxOrders.place(http, 3);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(orderFiles())
                .containsAll(numbers.stream().map(n -> "order-" + n + "-1.json").toList()));
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        for (long number : numbers) {
            JsonNode file = read(json, WORK.resolve("erp/out/orders/order-" + number + "-1.json"));
            JsonNode order = centra.query("orders", Map.of("numbers", List.of(number), "limit", 1)).data()
                    .path("orders").get(0);
            BigDecimal subtotal = order.path("totals").path("itemsSubtotal").path("value").decimalValue();
            assertThat(subtotal).isPositive();
            assertThat(file.path("items_subtotal").decimalValue()).isEqualByComparingTo(subtotal);
        }
    }

    private static JsonNode read(ObjectMapper json, Path file) {
        try {
            return json.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> orderFiles() throws IOException {
        Path folder = WORK.resolve("erp/out/orders");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".tmp")).toList();
        }
    }

    /** mappings/acme: the default mappings, the orders one with the new field (mapping tests left out). */
    private static Path temporaryFolder() {
        try {
            Path work = Files.createTempDirectory("orders-new-field");
            Path acme = Files.createDirectories(work.resolve("mappings/acme"));
            try (Stream<Path> files = Files.list(Path.of("mappings/default"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, acme.resolve(file.getFileName()));
                }
            }
            Path orders = acme.resolve("orders.yaml");
            String text = Files.readString(orders);
            String comment = "    - name: comment\n      from: internalComment\n";
            assertThat(text).contains(comment);
            Files.writeString(orders, text.replace(comment, comment
                    + "    - name: items_subtotal\n      from: totals.itemsSubtotal.value\n      type: decimal\n"));
            return work;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
