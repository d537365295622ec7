package org.centraerp.connector.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What an operator sees: health of Centra and the state database, and Prometheus metrics per route. */
@AutoConfigureObservability // tests turn metric export off unless asked
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:operator-endpoints;DB_CLOSE_DELAY=-1",
        "connector.erp.folder=target/test-erp/operator-endpoints"})
class OperatorEndpointsTest {

    @LocalServerPort
    int port;

    @Autowired
    ProducerTemplate routes;

    @DynamicPropertySource
    static void consoleUser(DynamicPropertyRegistry registry) {
        // Every actuator endpoint but health needs a login (HTTP Basic for Prometheus and scripts).
        registry.add("connector.console.users", () -> "scraper:viewer:" + new BCryptPasswordEncoder(4).encode("scrape"));
    }

    private HttpResponse<String> response(String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                "scraper:scrape".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = response(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void healthReportsCentraAndTheStateDatabase() throws Exception {
        // Camel counts a file consumer ready once it has polled (every second): health is DOWN until then.
        await().atMost(Duration.ofSeconds(30)).until(() -> response("/actuator/health").statusCode() == 200);
        String health = get("/actuator/health");

        assertThat(health).contains("\"status\":\"UP\"");
        assertThat(health).containsPattern("\"centra\":\\{\"status\":\"UP\",\"details\":\\{\"centra\":\"http://127.0.0.1:\\d+/sandbox/graphql\",\"stores\":2");
        assertThat(health).contains("\"db\":{\"status\":\"UP\"");
    }

    @Test
    void prometheusShowsRouteAndCentraMetrics() throws Exception {
        routes.sendBody("direct:export-master-data", null);

        String metrics = get("/actuator/prometheus");

        assertThat(metrics).contains("routeId=\"export-master-data\"");
        assertThat(metrics).contains("connector_centra_requests_seconds_count{document=\"markets\",outcome=\"success\"");
    }
}
