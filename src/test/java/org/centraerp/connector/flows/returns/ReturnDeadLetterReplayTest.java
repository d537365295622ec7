package org.centraerp.connector.flows.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraClient.Retry;
import org.centraerp.connector.erp.ErpDatabase;
import org.centraerp.connector.mapping.MappingRepository;
import org.centraerp.connector.ops.console.DeadLetterDesk;
import org.centraerp.connector.ops.console.ReturnDeadLetterReplay;
import org.centraerp.connector.state.DeadLetter;
import org.centraerp.connector.state.DeadLetters;
import org.centraerp.connector.state.OperatorActions;
import org.centraerp.connector.state.StateDatabase;
import org.centraerp.connector.state.Watermarks;
import org.centraerp.connector.testsupport.SandboxOrders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A return whose returns-export mapping fails at run time (a required field from a path Centra leaves empty) is a
 * dead letter of flow {@code returns}; replayed from the console's desk with the same mapping it is a new dead letter,
 * and replayed once the mapping is fixed (as after a restart) its file reaches the ERP with its version.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:return-dead-letter-replay;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=file:routes/export-returns.camel.yaml",
        "connector.customer=strict",
        "connector.master-data.at-start=false",
        "connector.orders.enabled=false",
        "connector.sandbox.rate-limit-tier=NONE",
        "connector.centra.rate-limit.requests-per-10s=0",
        "connector.centra.rate-limit.mutations-per-10s=0",
        // the test polls itself: no scheduled poll in between
        "connector.returns.export.schedule=0 0 0 1 1 ? 2099",
        "connector.returns.export.initial-lookback=1h"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReturnDeadLetterReplayTest {

    static final Path WORK = Path.of("target", "return-dead-letter-replay").toAbsolutePath();

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("connector.mappings-dir", () -> strictMappings().toString());
        registry.add("connector.erp.folder", () -> WORK.resolve("erp").toString());
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    CentraClient centra;
    @Autowired
    ReturnExport returnExport;
    @Autowired
    DeadLetterDesk desk;
    @Autowired
    DeadLetters letters;
    @Autowired
    OperatorActions actions;
    @Autowired
    StateDatabase state;
    @Autowired
    ProducerTemplate routes;
    @Autowired
    ErpDatabase erpDatabase;
    @Autowired
    Watermarks watermarks;
    @Autowired
    ReturnExportProperties properties;
    @Autowired
    CamelContext camel;

    @Test
    void aReturnWhoseMappingFailedReachesTheErpWhenReplayedAfterTheFix() throws IOException {
        int order = SandboxOrders.placeShipped(http, centra);
        JsonNode shipment = SandboxOrders.order(centra, order).path("shipments").get(0);
        long returnId = centra.mutate("createReturn", Map.of("shipment", shipment.path("id").asInt(),
                "lines", List.of(Map.of("shipmentLine", Map.of("id", shipment.path("lines").get(0).path("id").asInt()),
                        "quantity", 1)), "policy", Map.of("releaseItemsBackToWarehouse", true)), Retry.NEVER)
                .orThrow().path("return").path("id").asLong();

        // the route's poll (its window ends at the last whole second: polled until the return is in it)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            returnExport.poll();
            return !letters.byKey("returns", Long.toString(returnId)).isEmpty();
        });
        List<DeadLetter> first = letters.byKey("returns", Long.toString(returnId));
        assertThat(first).hasSize(1);
        assertThat(first.get(0).reason()).contains("erp_reference");
        assertThat(files(returnId)).isEmpty();
        assertThat(desk.canReplay("returns")).isTrue();

        // replayed before the fix: the mapping fails again, a new letter takes its place
        DeadLetterDesk.Outcome again = desk.replay(first.get(0).id(), "tester");
        assertThat(again.done()).isTrue();
        assertThat(again.message()).contains("still fails its mapping");
        List<DeadLetter> second = letters.byKey("returns", Long.toString(returnId));
        assertThat(second).hasSize(2);
        DeadLetter open = second.stream().filter(DeadLetter::isOpen).findFirst().orElseThrow();
        assertThat(files(returnId)).isEmpty();

        // fixed mapping (mappings are read at start: as after a restart with the shipped one)
        ReturnExport fixed = new ReturnsConfiguration().returnExport(centra, state, routes, erpDatabase, watermarks,
                letters, properties, new MappingRepository("mappings", "default", camel));
        DeadLetterDesk fixedDesk = new DeadLetterDesk(letters, actions, List.of(new ReturnDeadLetterReplay(fixed)));
        DeadLetterDesk.Outcome replayed = fixedDesk.replay(open.id(), "tester");

        assertThat(replayed.done()).as(replayed.message()).isTrue();
        assertThat(replayed.message()).contains("return " + returnId + " exported to the ERP again as version 1");
        assertThat(files(returnId)).containsExactly("return-" + returnId + "-1.json");
        JsonNode file = new ObjectMapper().readTree(WORK.resolve("erp/out/returns/return-" + returnId + "-1.json")
                .toFile());
        assertThat(file.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(file.path("order_number").asInt()).isEqualTo(order);
        assertThat(letters.find(open.id()).orElseThrow().state()).isEqualTo("replayed");
        assertThat(letters.byKey("returns", Long.toString(returnId))).noneMatch(DeadLetter::isOpen);
        assertThat(actions.on(DeadLetterDesk.target(open.id()))).singleElement()
                .satisfies(a -> assertThat(a.action()).isEqualTo("replay"));
        assertThat(new ReturnExports(state).state(returnId, ReturnExports.REGISTERED)).contains("WRITTEN");

        // replayed again: nothing twice
        assertThat(fixedDesk.replay(open.id(), "tester").done()).isFalse();
    }

    /** The shipped mappings as customer {@code strict}, whose returns export requires the return's external id. */
    private static Path strictMappings() {
        Path mappings = WORK.resolve("mappings");
        Path strict = mappings.resolve("strict");
        try (Stream<Path> old = Files.exists(WORK) ? Files.walk(WORK) : Stream.empty()) {
            // a fresh folder each run: the sandbox numbers its returns from 1 again
            for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> all = Files.walk(Path.of("mappings/default"))) {
            for (Path from : all.toList()) {
                Path to = strict.resolve(Path.of("mappings/default").relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path exportMapping = strict.resolve("returns-export.yaml");
            String yaml = Files.readString(exportMapping);
            String field = "      from: externalId\n";
            assertThat(yaml).contains(field);
            Files.writeString(exportMapping, yaml.replace(field, field + "      required: true\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mappings;
    }

    private static List<String> files(long returnId) {
        Path out = WORK.resolve("erp/out/returns");
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("return-" + returnId + "-"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
