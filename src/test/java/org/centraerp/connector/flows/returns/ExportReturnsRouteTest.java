package org.centraerp.connector.flows.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraClient.Retry;
import org.centraerp.connector.state.StateDatabase;
import org.centraerp.connector.testsupport.SandboxOrders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Route export-returns on its step ids: the file is the route's last step (the outbox endpoint). An outbox that
 * fails once (SFTP server down) leaves the return version unwritten in the ledger, and the next poll writes it:
 * one file, one WRITTEN, no temporary file left.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:export-returns-route;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=file:routes/export-returns.camel.yaml",
        "connector.master-data.at-start=false",
        "connector.orders.enabled=false",
        "connector.sandbox.rate-limit-tier=NONE",
        "connector.centra.rate-limit.requests-per-10s=0",
        "connector.centra.rate-limit.mutations-per-10s=0",
        "connector.returns.export.schedule=0/1 * * * * ?",
        "connector.returns.export.initial-lookback=1h"})
// Its Quartz route would share the JVM's scheduler (one per Camel context name) with later contexts.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ExportReturnsRouteTest {

    @TempDir
    static Path erpFolder;

    @DynamicPropertySource
    static void erpFolder(DynamicPropertyRegistry registry) {
        registry.add("connector.erp.folder", erpFolder::toString);
    }

    @Autowired
    CamelContext camel;

    @Autowired
    CentraClient centra;

    @Autowired
    TestRestTemplate http;

    @Autowired
    StateDatabase state;

    @Test
    void anOutboxThatFailsOnceGetsTheReturnFileOnTheNextPollAndOnlyOnce() throws Exception {
        AtomicInteger outboxDown = new AtomicInteger(1);
        AdviceWith.adviceWith(camel, "write-return-files", route -> {
            route.weaveById("to-erp-returns-outbox").before().process(exchange -> {
                if (outboxDown.getAndDecrement() > 0) {
                    throw new IOException("outbox unreachable (test)");
                }
            });
            route.weaveById("mark-return-exported").after().to("mock:written");
            route.weaveById("return-file-not-written").after().to("mock:not-written");
        });
        MockEndpoint written = camel.getEndpoint("mock:written", MockEndpoint.class);
        MockEndpoint notWritten = camel.getEndpoint("mock:not-written", MockEndpoint.class);
        notWritten.expectedMessageCount(1);
        camel.start();
        long returnId = registerReturn();
        String name = "return-" + returnId + "-1.json";
        written.expectedMessageCount(1);
        written.expectedHeaderReceived(Exchange.FILE_NAME, name);

        notWritten.assertIsSatisfied(30_000);
        written.assertIsSatisfied(30_000);
        // two more polls see the return as WRITTEN and write nothing
        NotifyBuilder twoMorePolls = new NotifyBuilder(camel).fromRoute("export-returns").whenCompleted(2).create();
        assertThat(twoMorePolls.matches(30, TimeUnit.SECONDS)).as("two more polls").isTrue();

        written.assertIsSatisfied();
        assertThat(new ReturnExports(state).state(returnId, ReturnExports.REGISTERED)).contains("WRITTEN");
        assertThat(files(returnId)).containsExactly(name);
        try (Stream<Path> all = Files.list(erpFolder.resolve("out/returns"))) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    private long registerReturn() {
        int order = SandboxOrders.placeShipped(http, centra);
        JsonNode shipment = SandboxOrders.order(centra, order).path("shipments").get(0);
        return centra.mutate("createReturn", Map.of("shipment", shipment.path("id").asInt(),
                "lines", List.of(Map.of("shipmentLine", Map.of("id", shipment.path("lines").get(0).path("id").asInt()),
                        "quantity", 1)), "policy", Map.of("releaseItemsBackToWarehouse", true)), Retry.NEVER)
                .orThrow().path("return").path("id").asLong();
    }

    private static List<String> files(long returnId) throws IOException {
        try (Stream<Path> files = Files.list(erpFolder.resolve("out/returns"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("return-" + returnId + "-"))
                    .toList();
        }
    }
}
