package org.centraerp.connector.flows.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A createProduct Centra refuses as invalid GraphQL (errors, no data) is no passing fault: that product's rows are
 * reported failed with Centra's message and the file's other products are created. Centra is the built-in sandbox
 * behind a proxy that refuses any createProduct of product number BROKEN as Centra refuses a value it cannot take.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:product-invalid-request;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=file:routes/import-erp-file.camel.yaml",
        "connector.master-data.at-start=false",
        "connector.catalogue.poll-delay=200",
        "connector.sandbox.enabled=true",
        "connector.centra.token=sandbox-demo-token",
        "connector.sandbox.rate-limit-tier=NONE",
        "connector.centra.rate-limit.mutations-per-10s=0",
        "connector.centra.rate-limit.requests-per-10s=0"})
class ProductInvalidRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int APP_PORT = freePort();
    private static final Path ERP_FOLDER = tempFolder();
    private static final AtomicInteger REFUSED = new AtomicInteger();
    private static final HttpServer PROXY = proxy();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> APP_PORT);
        registry.add("connector.erp.folder", ERP_FOLDER::toString);
        registry.add("connector.centra.url", () -> "http://127.0.0.1:" + PROXY.getAddress().getPort() + "/graphql");
    }

    @AfterAll
    static void stopProxy() {
        PROXY.stop(0);
    }

    @Test
    void theRefusedProductsRowsFailAndTheOthersAreCreated() {
        CatalogueTestSupport products = new CatalogueTestSupport(ERP_FOLDER.resolve("in/products"),
                "http://127.0.0.1:" + APP_PORT);
        products.drop("products.csv", CatalogueTestSupport.csv(
                "style_no;style_name;colour_code;colour_name;size;size_chart;ean;sku;brand;collection;folder",
                "BROKEN;Broken;RED;Red;S;S-M-L;7350009000011;BROKEN-RED-S;Base Brand;AW24;Sweaters",
                "BROKEN;Broken;RED;Red;M;S-M-L;7350009000028;BROKEN-RED-M;Base Brand;AW24;Sweaters",
                "FINE;Fine;RED;Red;S;S-M-L;7350009000035;FINE-RED-S;Base Brand;AW24;Sweaters"));

        Map<Long, Map<String, String>> report = CatalogueTestSupport.report(products.awaitReports(1).get(0));

        assertThat(report.get(2L).get("outcome")).isEqualTo("failed");
        assertThat(report.get(3L).get("outcome")).isEqualTo("failed");
        assertThat(report.get(2L).get("reason")).contains("BROKEN").contains("got invalid value");
        assertThat(report.get(4L).get("outcome")).isEqualTo("created");
        assertThat(products.skus()).containsKey("FINE-RED-S").doesNotContainKey("BROKEN-RED-S");
        // with its variants, then alone: each refused once, never retried as a passing fault
        assertThat(REFUSED.get()).isEqualTo(2);
    }

    /** Forwards every call to the sandbox, except a createProduct of product number BROKEN. */
    private static HttpServer proxy() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/graphql", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                JsonNode request = JSON.readTree(body);
                byte[] answer;
                int status = 200;
                if (request.path("query").asText().contains("createProduct(")
                        && "BROKEN".equals(request.path("variables").path("input").path("productNumber").asText())) {
                    REFUSED.incrementAndGet();
                    answer = "{\"errors\":[{\"message\":\"Variable \\\"$input\\\" got invalid value\"}]}"
                            .getBytes(StandardCharsets.UTF_8);
                } else {
                    try {
                        HttpResponse<byte[]> forwarded = HTTP.send(HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + APP_PORT + "/sandbox/graphql"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", exchange.getRequestHeaders().getFirst("Authorization"))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        status = forwarded.statusCode();
                        answer = forwarded.body();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempFolder() {
        try {
            return Files.createTempDirectory("product-invalid-request");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
