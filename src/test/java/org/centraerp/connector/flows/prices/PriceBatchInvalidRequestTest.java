package org.centraerp.connector.flows.prices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraProperties;
import org.centraerp.connector.flows.catalogue.ImportReport.Outcome;
import org.centraerp.connector.state.SentValues;
import org.centraerp.connector.state.StateDatabase;
import org.centraerp.connector.state.StateSchema;
import org.centraerp.connector.state.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A setPrices call Centra refuses as invalid GraphQL (errors, no data) is no passing fault: the batch is split until
 * the product Centra refuses is alone, that product's rows are reported, and the others are saved.
 */
class PriceBatchInvalidRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestDatabase database = new TestDatabase.H2();
    private final AtomicInteger calls = new AtomicInteger();
    private HttpServer centra;
    private CentraClient client;
    private SentValues sentValues;

    @BeforeEach
    void start() throws IOException {
        var dataSource = database.open();
        StateSchema.migrate(dataSource);
        sentValues = new SentValues(new StateDatabase(dataSource));
        centra = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // refuses any call that carries product 2, as Centra refuses a Float it cannot represent
        centra.createContext("/graphql", exchange -> {
            calls.incrementAndGet();
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            boolean bad = false;
            for (JsonNode entry : body.path("variables").path("input").path("productPrices")) {
                bad |= entry.path("product").path("id").asLong() == 2;
            }
            byte[] answer = (bad ? "{\"errors\":[{\"message\":\"Float cannot represent non numeric value\"}]}"
                    : "{\"data\":{\"setPrices\":{\"pricelist\":{\"id\":1},\"userErrors\":[],\"userWarnings\":[]}}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        centra.start();
        client = CentraClient.create(CentraProperties.defaults("http://localhost:" + centra.getAddress().getPort()
                + "/graphql", "test-token"));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        centra.stop(0);
        database.close();
    }

    @Test
    void theRefusedProductIsReportedAndTheOthersAreSaved() {
        List<Map<Long, PriceRow>> products = new ArrayList<>();
        for (long product = 1; product <= 3; product++) {
            Map<Long, PriceRow> variants = new LinkedHashMap<>();
            variants.put(product * 10, new PriceRow(product + 1, "SKU-" + product, 1, "SEK", product, product * 10,
                    "SEK", new BigDecimal("100.00"), null));
            products.add(variants);
        }
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();

        new PriceBatch(client, sentValues, "prices-test").send(1, products, (row, outcome, reason) -> {
            outcomes.put(row.key(), outcome);
            reasons.put(row.key(), reason);
        });

        assertThat(outcomes).containsEntry("SKU-1", Outcome.UPDATED).containsEntry("SKU-2", Outcome.FAILED)
                .containsEntry("SKU-3", Outcome.UPDATED);
        assertThat(reasons.get("SKU-2")).contains("refused").contains("Float cannot represent");
        assertThat(calls.get()).as("whole, then halves, then the refused pair split: never the same call again")
                .isEqualTo(5);
    }
}
