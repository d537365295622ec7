package org.centraerp.connector.flows.stock;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraProperties;

/**
 * A Centra that answers setStock only: each call is charged {@code perSize} complexity per size (as
 * {@code extensions.complexity}), and a call that carries one of the {@code invalid} SKUs is refused as invalid
 * GraphQL (errors, no data), as Centra refuses a variable value it cannot take. Every other document is answered
 * with no data of interest (rateLimits: none reported, so the client's configured quotas stay).
 */
final class FakeSetStockCentra implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final CentraClient client;
    private final double perSize;
    private final Set<String> invalid;
    /** Sizes per setStock call, in order. */
    final List<Integer> calls = new CopyOnWriteArrayList<>();
    /** SKUs of the setStock calls Centra took. */
    final List<String> applied = new CopyOnWriteArrayList<>();

    FakeSetStockCentra(double perSize, Set<String> invalid) throws IOException {
        this.perSize = perSize;
        this.invalid = invalid;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/graphql", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            byte[] answer = answer(body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        client = CentraClient.create(CentraProperties.defaults("http://127.0.0.1:" + server.getAddress().getPort()
                + "/graphql", "test-token"));
    }

    private String answer(JsonNode body) {
        if (!body.path("query").asText().contains("setStock(")) {
            return "{\"data\":{\"rateLimits\":[]}}";
        }
        JsonNode sizes = body.path("variables").path("input").path("productSizes");
        calls.add(sizes.size());
        for (JsonNode size : sizes) {
            if (invalid.contains(size.path("productSize").path("SKU").asText())) {
                return "{\"errors\":[{\"message\":\"Variable \\\"$input\\\" got invalid value\"}]}";
            }
        }
        sizes.forEach(size -> applied.add(size.path("productSize").path("SKU").asText()));
        return "{\"data\":{\"setStock\":{\"userErrors\":[],\"userWarnings\":[]}},\"extensions\":{\"complexity\":"
                + Math.round(perSize * sizes.size()) + "}}";
    }

    CentraClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        server.stop(0);
    }
}
