package org.centraerp.connector.ops.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.centraerp.connector.ops.reconciliation.Reconciliations;
import org.centraerp.connector.state.DeadLetters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The alert conditions besides dead letters, end to end through a webhook stub: a flow gone stale (and fresh again
 * after a file), the Centra token expiring, reconciliation differences (and their clearing after a heal). Also
 * what /actuator/prometheus shows, which {@link PrometheusRulesTest} compares the shipped rules with.
 */
@AutoConfigureObservability
@AutoConfigureMockMvc
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:alert-conditions;DB_CLOSE_DELAY=-1",
        "connector.erp.folder=target/test-erp/alert-conditions",
        "camel.main.routes-include-pattern=file:routes/import-erp-file.camel.yaml",
        "connector.master-data.at-start=false",
        "connector.sandbox.rate-limit-tier=NONE",
        "connector.centra.rate-limit.requests-per-10s=0",
        "connector.centra.rate-limit.mutations-per-10s=0",
        "connector.alerts.check-interval=300ms",
        "connector.console.freshness.expected.import-stock-file=5s",
        "connector.console.freshness.stale-factor=1"})
class AlertConditionsTest {

    static final List<String> POSTED = new CopyOnWriteArrayList<>();
    static final HttpServer SLACK = slack();
    static final Path STOCK_INBOX = Path.of("target/test-erp/alert-conditions/in/stock");

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) {
        registry.add("connector.alerts.webhook-url", () -> "http://127.0.0.1:" + SLACK.getAddress().getPort() + "/hook");
        registry.add("connector.centra.token-expires", () -> LocalDate.now(ZoneOffset.UTC).plusDays(3).toString());
    }

    @AfterAll
    static void stop() {
        SLACK.stop(0);
    }

    @Autowired
    Reconciliations reconciliations;

    @Autowired
    JdbcTemplate state;

    @Autowired
    MeterRegistry registry;

    @Autowired
    MockMvc mvc;

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    AlertWatch watch;

    private static long posted(String text) {
        return POSTED.stream().filter(p -> p.contains(text)).count();
    }

    @Test
    void flowStaleIsPostedAndClearedOnceAFileWasImported() throws Exception {
        String stale = "Flow import-stock-file is stale";
        // No file within 5 s of the start (stale factor 1): stale.
        await().atMost(Duration.ofSeconds(30)).until(() -> posted(stale) >= 1);
        assertThat(registry.get("connector.flow.freshness").tag("route", "import-stock-file").gauge().value())
                .isEqualTo(2.0);
        long before = posted("cleared: " + stale);

        Files.createDirectories(STOCK_INBOX);
        String name = "stock-" + System.nanoTime() + ".csv";
        Files.writeString(STOCK_INBOX.resolve(name + ".tmp"), "sku;warehouse;quantity\nSWEATER-RED-S;WH1;25\n",
                StandardCharsets.UTF_8);
        Files.move(STOCK_INBOX.resolve(name + ".tmp"), STOCK_INBOX.resolve(name));

        await().atMost(Duration.ofSeconds(60)).until(() -> posted("cleared: " + stale) > before);
        assertThat(POSTED.stream().filter(p -> p.contains(stale)).toList().get(0))
                .as("Slack's incoming-webhook JSON").startsWith("{\"text\":\":rotating_light: " + stale);
    }

    @Test
    void tokenExpiringWithinTheConfiguredDaysIsPostedOnce() {
        String expiring = "The Centra token expires in 3 days";
        await().atMost(Duration.ofSeconds(30)).until(() -> posted(expiring) >= 1);
        assertThat(registry.get("connector.centra.token.expiry.days").gauge().value()).isEqualTo(3.0);
        // Looked at again and again, posted again only after the reminder interval (4 h).
        for (int i = 0; i < 3; i++) {
            assertThat(watch.check()).containsKey("token-expiring");
        }
        assertThat(posted(expiring)).isEqualTo(1);
    }

    @Test
    void reconciliationDifferencesArePostedAndTheirClearingAfterAHeal() {
        // The ERP last said 9999 of this size; Centra has another quantity.
        state.update("DELETE FROM connector_sent_value WHERE flow = 'stock' AND item_key = '1|SKU:SWEATER-BLUE-M'");
        state.update("INSERT INTO connector_sent_value (flow, item_key, item_value, updated_at) VALUES"
                + " ('stock', '1|SKU:SWEATER-BLUE-M', '9999@1', ?)", LocalDateTime.now(ZoneOffset.UTC));

        assertThat(reconciliations.stock().total()).isPositive();
        String differences = "stock differences between the ERP and Centra";
        await().atMost(Duration.ofSeconds(30)).until(() -> posted(differences) >= 1);
        assertThat(registry.get("connector.reconciliation.differences").tag("kind", "stock").gauge().value())
                .isPositive();

        assertThat(reconciliations.healStock()).isPositive();
        assertThat(reconciliations.stock().total()).isZero();

        await().atMost(Duration.ofSeconds(30)).until(() -> posted("cleared: ") > 0
                && POSTED.stream().anyMatch(p -> p.contains("cleared: ") && p.contains(differences)));
    }

    @Test
    void prometheusShowsEveryMetricTheShippedRulesUse() throws Exception {
        // Rows of the dead-letter gauge exist while a flow has open letters; Centra calls make the request timer.
        long id = deadLetters.record("prometheus-test", "test", "1", "test", null);
        reconciliations.catalogue();
        await().atMost(Duration.ofSeconds(30)).until(() -> registry.find("connector.dead_letters.open")
                .tag("flow", "prometheus-test").gauge() != null);

        String scrape = mvc.perform(get("/actuator/prometheus").with(user("prometheus").roles("VIEWER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        deadLetters.discard(id, "test over");

        PrometheusRulesTest.assertEveryRuleMetricIsIn(scrape);
    }

    private static HttpServer slack() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                POSTED.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
