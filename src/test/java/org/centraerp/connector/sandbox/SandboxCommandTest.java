package org.centraerp.connector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.centraerp.connector.testsupport.ConnectorProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;

/** {@code sandbox [--port] [--seed]}: the sandbox alone, with the demo store or a store of its own. */
class SandboxCommandTest {

    private static final Pattern URL = Pattern.compile("Centra sandbox: (http://127\\.0\\.0\\.1:\\d+/sandbox/graphql)");
    private static final String STORES = "{ stores { id name } }";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theSandboxAloneAnswersTheDemoStoreWithTheDemoToken() throws Exception {
        // this JVM's other tests keep their logging: the standalone default (WARN) is overridden here
        try (var context = SandboxCommand.run(new String[] {"sandbox", "--port", "0",
                "--connector.sandbox.rate-limit-tier=NONE", "--logging.level.root=INFO"})) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            JsonNode answer = post("http://127.0.0.1:" + port + "/sandbox/graphql", STORES);
            assertThat(answer.path("data").path("stores").findValuesAsText("name")).containsExactly("Retail", "Wholesale");
            assertThat(answer.path("extensions").path("permissionsUsed").get(0).asText()).isEqualTo("Store:read");
            // no flows, no state database, no Camel: only the sandbox's beans
            assertThat(context.getBeanNamesForType(javax.sql.DataSource.class)).isEmpty();
            assertThat(context.getBeanNamesForType(org.apache.camel.CamelContext.class)).isEmpty();
            assertThat(context.getBean(org.centraerp.connector.sandbox.knobs.Knobs.class)).isNotNull();
        }
    }

    @Test
    void aSeedFileGivesTheStandaloneSandboxAStoreOfItsOwn(@TempDir Path work) throws Exception {
        Path seed = Path.of("src/test/resources/sandbox-seeds/second-store.yaml");
        try (var sandbox = ConnectorProcess.start("standalone-sandbox", work.resolve("sandbox.log"),
                List.of("sandbox", "--port", "0", "--seed", seed.toString()))) {
            String url = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> printedUrl(sandbox), u -> u != null);
            JsonNode stores = post(url, STORES);
            assertThat(stores.path("data").path("stores").findValuesAsText("name")).containsExactly("Second Brand");
            JsonNode stock = post(url, "{ warehouses { name stock { physicalQuantity productSize { SKU } } } }");
            assertThat(stock.path("data").path("warehouses").get(0).path("name").asText()).isEqualTo("Oslo");
            assertThat(stock.path("data").path("warehouses").get(0).path("stock").get(0).path("productSize")
                    .path("SKU").asText()).isEqualTo("RAIN-YEL");
        }
    }

    @Test
    void badArgumentsAreOneClearLine() {
        assertThatThrownBy(() -> SandboxCommand.properties(new String[] {"sandbox", "--port", "eighty"}))
                .hasMessage("sandbox: --port must be a port number (0-65535), not 'eighty'");
        assertThatThrownBy(() -> SandboxCommand.properties(new String[] {"sandbox", "--seed", "no-such.yaml"}))
                .hasMessageStartingWith("sandbox: seed file ").hasMessageEndingWith("no-such.yaml does not exist");
        assertThatThrownBy(() -> SandboxCommand.properties(new String[] {"sandbox", "extra"}))
                .hasMessage("sandbox: unknown argument 'extra'");
        assertThat(SandboxCommand.properties(new String[] {"sandbox", "--port=9090"})).contains("--server.port=9090")
                .doesNotContain("--server.port=8080");
    }

    private static String printedUrl(ConnectorProcess sandbox) {
        if (!sandbox.isAlive()) {
            throw new AssertionError("the standalone sandbox ended:\n" + sandbox.logText());
        }
        Matcher matcher = URL.matcher(sandbox.logText());
        return matcher.find() ? matcher.group(1) : null;
    }

    private JsonNode post(String url, String query) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("Authorization", "Bearer sandbox-demo-token")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(java.util.Map.of("query", query))))
                .build();
        return json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }
}
