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
        List<String> args = new java.util.ArrayList<>(List.of(
                "--connector.centra.url=http://127.0.0.1:" + port + "/sandbox/graphql",
                "--connector.centra.token=sandbox-demo-token",
                "--connector.sandbox.enabled=false",
                "--spring.datasource.url=jdbc:h2:mem:preview-" + System.nanoTime(),
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
    void anUnknownOrderIsOneLineAndMasterDataPreviewsTheEntitysFile(CapturedOutput output) {
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
        assertThat(MUTATIONS.get()).isZero();
    }

    @Test
    void previewOfAStockFilePrintsPerLineTheMutationOrWhyNotAndSendsNothing(CapturedOutput output)
            throws IOException {
        Path file = Files.createTempDirectory("preview-stock").resolve("stock.csv");
        Files.writeString(file, "sku;warehouse;quantity\nSWEATER-RED-S;WH1;12\nSWEATER-RED-M;WH2;6\n"
                + "SWEATER-RED-L;WH9;1\nSWEATER-RED-L;WH1;abc\n");
        int mutationsBefore = MUTATIONS.get();

        assertThat(preview("preview", "stock", file.toString())).isZero();

        assertThat(output.getOut()).contains("# Preview of stock.csv with mappings/default/stock.yaml: nothing is sent")
                .contains("line 2: SKU SWEATER-RED-S in warehouse 1: 12 — setStock warehouse 1 #1")
                .contains("line 3: SKU SWEATER-RED-M in warehouse 2: 6 — setStock warehouse 2 #1")
                .contains("line 4: invalid:").contains("line 5: invalid:")
                .contains("# setStock warehouse 1 #1 (1 sizes), variables:")
                .contains("\"SKU\" : \"SWEATER-RED-S\"").contains("\"stockQuantityType\" : \"PHYSICAL\"");
        assertThat(MUTATIONS.get()).isEqualTo(mutationsBefore);
        assertThat(file.getParent().toFile().list()).containsExactly("stock.csv");
    }
}
