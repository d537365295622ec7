package org.centraerp.connector.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraClient.Retry;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Orders placed in the built-in sandbox as a shopper would, through {@code POST /sandbox/admin/orders}. */
public final class SandboxOrders {

    private SandboxOrders() {
    }

    /** Places {@code count} orders; answers their numbers. */
    public static List<Long> place(TestRestTemplate http, int count) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        Map<?, ?> placed = http.postForObject("/sandbox/admin/orders",
                new HttpEntity<>(Map.of("count", count), headers), Map.class);
        List<Long> numbers = new ArrayList<>();
        ((List<?>) placed.get("numbers")).forEach(n -> numbers.add(((Number) n).longValue()));
        assertThat(numbers).as("orders placed").hasSize(count);
        return numbers;
    }

    /** An order of the sandbox with its lines, shipments and returns ({@code testOrderShipments}). */
    public static JsonNode order(CentraClient centra, int number) {
        return centra.query("testOrderShipments", Map.of("number", number)).data().path("orders").get(0);
    }

    /** Places one order and ships it in full, paid and completed, as a warehouse would; answers its number. */
    public static int placeShipped(TestRestTemplate http, CentraClient centra) {
        int number = placeOne(http);
        List<Map<String, Object>> lines = new ArrayList<>();
        order(centra, number).path("lines").forEach(l -> lines.add(Map.of("orderLine",
                Map.of("id", l.path("id").asInt()), "quantity", l.path("quantity").asInt())));
        int shipment = centra.mutate("createShipment", Map.of("order", number, "lines", lines), Retry.NEVER)
                .orThrow().path("shipment").path("id").asInt();
        centra.mutate("captureShipment", Map.of("id", shipment), Retry.SAFE).orThrow();
        centra.mutate("completeShipment", Map.of("id", shipment, "sendEmail", false), Retry.SAFE).orThrow();
        return number;
    }

    /** Places one order; answers its number. */
    public static int placeOne(TestRestTemplate http) {
        return Math.toIntExact(place(http, 1).get(0));
    }
}
