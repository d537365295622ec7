package org.centraerp.connector.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Starts the whole application on a random port with an in-memory state database and talks to the sandbox over
 * HTTP, as the connector does. Every test starts from the seeded store and the configured knobs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // the state schema too: the state is bound to the sandbox's run at start
        "spring.datasource.url=jdbc:h2:mem:sandbox-test;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=classpath:no-routes/*.camel.yaml"})
public abstract class SandboxTestSupport {

    protected static final String DEMO = "sandbox-demo-token";

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected ObjectMapper json;

    @LocalServerPort
    protected int port;


    /** The JDK client on purpose: Apache HttpClient 5 (behind TestRestTemplate) silently retries 429 and 503. */
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    @AfterEach
    void resetSandbox() {
        http.postForEntity("/sandbox/admin/reset", null, String.class);
    }

    /** Posts a GraphQL document with a bearer token; answers status, headers and JSON body. */
    protected Answer graphql(String token, String query) {
        return graphql(query, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    protected Answer graphql(String query, Map<String, String> headers) {
        try {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/graphql"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", query))));
            headers.forEach(request::header);
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
            return new Answer(response.statusCode(), response.headers(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected void knobs(String knobsJson) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var response = http.exchange("/sandbox/admin/knobs", HttpMethod.PUT, new HttpEntity<>(knobsJson, headers),
                String.class);
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("Knobs refused: " + response);
        }
    }

    protected record Answer(int status, java.net.http.HttpHeaders headers, JsonNode body) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode data(String field) {
            return body.path("data").path(field);
        }

        List<String> permissionsUsed() {
            var list = new java.util.ArrayList<String>();
            body.path("extensions").path("permissionsUsed").forEach(p -> list.add(p.asText()));
            return list;
        }
    }
}
