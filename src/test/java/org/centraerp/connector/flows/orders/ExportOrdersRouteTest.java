package org.centraerp.connector.flows.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.centraerp.connector.testsupport.SandboxOrders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Route export-orders on its step ids: each order version's file goes to the outbox endpoint (the step
 * to-erp-orders-outbox), is marked exported only after the endpoint took it, and Centra is told afterwards. An
 * outbox that fails once (SFTP server down) leaves that order in the inbox with the failure recorded; the next
 * attempt writes its file, once.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:export-orders-route;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=file:routes/export-orders.camel.yaml",
        "connector.sandbox.rate-limit-tier=NONE",
        "connector.centra.rate-limit.requests-per-10s=0",
        "connector.centra.rate-limit.mutations-per-10s=0",
        "connector.master-data.at-start=false",
        "connector.orders.work-interval=200ms",
        "connector.orders.retry.initial-backoff=500ms",
        "connector.orders.retry.max-backoff=2s",
        "connector.orders.poll.schedule=0/1 * * * * ?",
        "connector.orders.poll.initial-lookback=1h"})
// Its Quartz routes would share the JVM's scheduler (one per Camel context name) with later contexts.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ExportOrdersRouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path erpFolder;

    @DynamicPropertySource
    static void erpFolder(DynamicPropertyRegistry registry) {
        registry.add("connector.erp.folder", erpFolder::toString);
    }

    @Autowired
    CamelContext camel;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate state;

    @Test
    void anOutboxThatFailsOnceGetsTheOrderFileOnTheNextAttemptOnlyOnceAndCentraIsToldAfter() throws Exception {
        AtomicInteger outboxDown = new AtomicInteger(1);
        AdviceWith.adviceWith(camel, "export-orders", route -> {
            route.weaveById("to-erp-orders-outbox").before().process(exchange -> {
                if (outboxDown.getAndDecrement() > 0) {
                    throw new IOException("outbox unreachable (test)");
                }
            });
            route.weaveById("to-erp-orders-outbox").after().to("mock:outbox");
            route.weaveById("order-file-not-written").after().to("mock:not-written");
            route.weaveById("lock-or-confirm-in-centra").after().to("mock:centra-told");
        });
        MockEndpoint outbox = camel.getEndpoint("mock:outbox", MockEndpoint.class);
        MockEndpoint notWritten = camel.getEndpoint("mock:not-written", MockEndpoint.class);
        MockEndpoint centraTold = camel.getEndpoint("mock:centra-told", MockEndpoint.class);
        outbox.expectedMessageCount(2);
        notWritten.expectedMessageCount(1);
        centraTold.expectedMinimumMessageCount(1);
        camel.start();

        List<Long> placed = SandboxOrders.place(http, 2);

        notWritten.assertIsSatisfied(30_000);
        outbox.assertIsSatisfied(30_000);
        centraTold.assertIsSatisfied(30_000);
        ExportLedger.awaitExported(state, placed, Duration.ofSeconds(30));
        // the order whose file failed is one of them, and its file came on a later attempt
        OrderBatch.OrderFile failed = notWritten.getReceivedExchanges().get(0)
                .getProperty(OrderExport.ORDER_FILE, OrderBatch.OrderFile.class);
        assertThat(placed).contains(failed.claim().orderNumber());
        assertThat(notWritten.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                .hasMessageContaining("outbox unreachable");
        for (Exchange file : outbox.getReceivedExchanges()) {
            String name = file.getIn().getHeader(Exchange.FILE_NAME, String.class);
            JsonNode content = JSON.readTree(file.getIn().getBody(byte[].class));
            assertThat(name).isEqualTo("order-" + content.path("order_number").asLong() + "-1.json");
        }
        assertThat(outbox.getReceivedExchanges()).extracting(e -> e.getIn().getHeader(Exchange.FILE_NAME))
                .containsExactlyInAnyOrder("order-" + placed.get(0) + "-1.json", "order-" + placed.get(1) + "-1.json");
        assertThat(ExportLedger.read(erpFolder, null, state).problems(placed)).isEmpty();
        outbox.assertIsSatisfied();
    }
}
