package org.centraerp.connector.ops.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The scheduled reconciliation (routes/reconcile.camel.yaml): route reconcile-on-schedule is triggered by the
 * configured cron (here every two seconds, nightly by default) and each run reconciles stock, orders and catalogue.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:reconcile-schedule;DB_CLOSE_DELAY=-1",
        "connector.erp.folder=target/test-erp/reconcile-schedule",
        "camel.main.routes-include-pattern=file:routes/reconcile.camel.yaml",
        "connector.master-data.at-start=false",
        "connector.reconciliation.schedule=0/2 * * * * ?"})
// Its Quartz route would share the JVM's scheduler (one per Camel context name) with later contexts.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReconcileScheduleTest {

    @Autowired
    CamelContext camel;

    @Autowired
    Reconciliations reconciliations;

    @Test
    void routeRunsEveryReconciliationOnTheConfiguredCron() {
        Instant started = Instant.now();
        Route route = camel.getRoute("reconcile-on-schedule");
        assertThat(route).isNotNull();
        assertThat(camel.getRouteController().getRouteStatus(route.getRouteId())).isEqualTo(ServiceStatus.Started);
        assertThat(java.net.URLDecoder.decode(route.getEndpoint().getEndpointUri(), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("quartz://reconciliation/nightly").contains("cron=0/2 * * * * ?");

        await().atMost(Duration.ofSeconds(30)).until(() -> Reconciliations.KINDS.stream()
                .allMatch(kind -> reconciliations.last(kind).filter(r -> r.at().isAfter(started)).isPresent()));
        for (String kind : Reconciliations.KINDS) {
            ReconciliationResult result = reconciliations.last(kind).orElseThrow();
            assertThat(result.error()).as(kind).isNull();
            assertThat(result.report()).as(kind).isRegularFile();
            assertThat(Files.exists(result.report())).isTrue();
        }
        assertThat(reconciliations.last("orders").orElseThrow().scope()).as("the configured look-back of 7 days")
                .contains(Instant.now().minus(Duration.ofDays(7)).toString().substring(0, 10));
    }

    @Test
    void defaultScheduleIsNightly() throws Exception {
        String config = Files.readString(java.nio.file.Path.of("config/application.yaml"));
        assertThat(config).contains("schedule: ${RECONCILE_CRON:0 30 2 * * ?}");
        assertThat(Files.readString(java.nio.file.Path.of("routes/reconcile.camel.yaml")))
                .contains("cron: \"{{connector.reconciliation.schedule:0 30 2 * * ?}}\"");
    }
}
