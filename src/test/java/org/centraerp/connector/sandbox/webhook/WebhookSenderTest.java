package org.centraerp.connector.sandbox.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import org.centraerp.connector.sandbox.SandboxProperties;
import org.centraerp.connector.sandbox.api.OrderService;
import org.centraerp.connector.sandbox.store.Product;
import org.centraerp.connector.sandbox.store.ProductStatus;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.SeedLoader;
import org.junit.jupiter.api.Test;

/** The webhook plugin tells of every type the sandbox changes, with Centra's insert/update/delete actions. */
class WebhookSenderTest {

    @Test
    void productAndCustomerChangesArePostedSignedWithTheirTypeAndAction() throws Exception {
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        List<String> signatures = new CopyOnWriteArrayList<>();
        ObjectMapper json = new ObjectMapper();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            signatures.add(exchange.getRequestHeaders().getFirst("X-Centra-Signature"));
            json.readTree(URLDecoder.decode(body.substring("payload=".length()), StandardCharsets.UTF_8))
                    .path("events").forEach(received::add);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        WebhookSender sender = null;
        try {
            SandboxData data = new SandboxData();
            new SeedLoader("").reseed(data);
            SandboxEvents events = new SandboxEvents(data);
            SandboxProperties properties = mock(SandboxProperties.class);
            when(properties.webhook()).thenReturn(new SandboxProperties.Webhook(
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/hook", "s3cret", 0, Duration.ofSeconds(5), 100));
            sender = new WebhookSender(properties, new OrderService(data), events, json);

            data.write(() -> data.products.put(new Product(data.products.nextId(), "Scarf", ProductStatus.ACTIVE, "SCARF",
                    null, null, null, false, false, null, null, null, null, null, null, null, null)));
            data.write(() -> data.customers.update(1, c -> c));
            data.write(() -> data.warehouses.remove(2));

            await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 3);
            assertThat(received).extracting(e -> e.path("type").asText() + " " + e.path("action").asText() + " "
                    + e.path("id").asText()).containsExactly("product insert 3", "customer update 1", "warehouse delete 2");
            assertThat(signatures).allMatch(s -> s.matches("t=\\d+,v1=[0-9a-f]{64}"));
        } finally {
            if (sender != null) {
                sender.stop();
            }
            server.stop(0);
        }
    }
}
