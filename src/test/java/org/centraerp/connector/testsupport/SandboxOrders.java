package org.centraerp.connector.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /** Places one order; answers its number. */
    public static int placeOne(TestRestTemplate http) {
        return Math.toIntExact(place(http, 1).get(0));
    }
}
