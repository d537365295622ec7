package org.centraerp.connector.flows.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.centraerp.connector.testsupport.SandboxOrders;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.testsupport.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ERP database unreachable for more than a minute (its connections go through a proxy the test cuts: open
 * ones reset, new ones refused) while orders keep coming: none is lost, none goes to the dead letters, and once
 * the database is back each one reaches it exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:orders-erp-outage;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=file:routes/export-orders.camel.yaml",
        "connector.sandbox.rate-limit-tier=NONE",
        "connector.centra.rate-limit.requests-per-10s=0",
        "connector.centra.rate-limit.mutations-per-10s=0",
        "connector.master-data.at-start=false",
        "connector.orders.work-interval=200ms",
        "connector.orders.retry.initial-backoff=500ms",
        "connector.orders.retry.max-backoff=5s",
        "connector.orders.poll.schedule=0/2 * * * * ?",
        "connector.orders.poll.initial-lookback=1h"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OrderErpOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(65);

    static final PostgresqlSchema ERP = PostgresqlSchema.create("orders_outage_erp").withErpOrderTables();
    static final TcpProxy PROXY = proxyTo(ERP.url());
    static Path erpFolder;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) throws IOException {
        erpFolder = Files.createTempDirectory("orders-outage");
        registry.add("connector.erp.folder", erpFolder::toString);
        registry.add("connector.erp.datasource.url",
                () -> ERP.url().replace(":" + port(ERP.url()) + "/", ":" + PROXY.port() + "/"));
        registry.add("connector.erp.datasource.username", () -> PostgresqlSchema.USER);
    }

    @AfterAll
    static void dropErp() throws SQLException {
        PROXY.close();
        ERP.close();
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate state;

    @Autowired
    SandboxData sandbox;

    @Test
    void ordersPlacedWhileTheErpDatabaseIsDownForAMinuteAreEachExportedOnceAfterwards() {
        sandbox.write(() -> {
            sandbox.stock.stream().toList().forEach(level -> sandbox.stock.put(level.withPhysical(level.allocated() + 10_000)));
            return null;
        });
        List<Long> before = SandboxOrders.place(http, 4);
        ExportLedger.awaitExported(state, before, Duration.ofSeconds(60));

        List<Long> during = new ArrayList<>();
        long cutAt = System.nanoTime();
        PROXY.cut();
        try {
            during.addAll(SandboxOrders.place(http, 4));
            // the first orders of the outage tried again and again (each attempt failed and is waiting)
            List<Long> early = List.copyOf(during);
            await().atMost(OUTAGE).until(() -> triedAndWaiting(early, 3) == early.size());
            during.addAll(SandboxOrders.place(http, 4));
            // the outage lasts over a minute in all, and the later orders were tried during it too
            await().atMost(OUTAGE).until(() -> System.nanoTime() - cutAt >= OUTAGE.toNanos()
                    && triedAndWaiting(during, 1) == during.size());
            String numbers = String.join(",", during.stream().map(String::valueOf).toList());
            assertThat(triedAndWaiting(during, 1))
                    .as("every order placed during the outage was tried and is waiting").isEqualTo(during.size());
            assertThat(state.queryForObject("SELECT COUNT(*) FROM connector_order_export WHERE state = 'WRITTEN'"
                    + " AND order_number IN (" + numbers + ")", Integer.class)).as("none written meanwhile").isZero();
        } finally {
            PROXY.restore();
        }

        ExportLedger.awaitExported(state, during, Duration.ofSeconds(60));
        List<Long> all = new ArrayList<>(before);
        all.addAll(during);
        assertThat(ExportLedger.read(erpFolder, ERP.jdbc(), state).problemsOf(all)).isEmpty();
        assertThat(ERP.jdbc().queryForObject("SELECT COUNT(*) FROM erp_order_header", Integer.class))
                .as("one header per order").isEqualTo(all.size());
        assertThat(state.queryForObject("SELECT COUNT(*) FROM connector_dead_letter", Integer.class)).isZero();
    }

    /** How many of these orders wait in the inbox after at least {@code attempts} failed attempts. */
    private int triedAndWaiting(List<Long> orders, int attempts) {
        String numbers = String.join(",", orders.stream().map(String::valueOf).toList());
        return state.queryForObject("SELECT COUNT(*) FROM connector_order_inbox WHERE attempts >= ?"
                + " AND last_error IS NOT NULL AND order_number IN (" + numbers + ")", Integer.class, attempts);
    }

    private static TcpProxy proxyTo(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return new TcpProxy(uri.getHost(), uri.getPort());
    }

    private static int port(String jdbcUrl) {
        return URI.create(jdbcUrl.substring("jdbc:".length())).getPort();
    }
}
