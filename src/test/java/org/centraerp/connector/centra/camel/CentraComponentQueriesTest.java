package org.centraerp.connector.centra.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The centra: component with a brand's own documents (mappings/<customer>/queries/) and consumers that emit a page
 * per exchange, against the built-in sandbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:centra-component-queries;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=false",
        "connector.customer=acme",
        "connector.sandbox.rate-limit-tier=NONE"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CentraComponentQueriesTest {

    /** The default mappings as customer acme, with one document of acme's own (an alias the shipped one lacks). */
    static final Path MAPPINGS = copyOfDefaultMappings();

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate template;

    @DynamicPropertySource
    static void mappings(DynamicPropertyRegistry registry) {
        registry.add("connector.mappings-dir", MAPPINGS::toString);
    }

    private static Path copyOfDefaultMappings() {
        try {
            Path dir = Files.createTempDirectory("component-queries");
            Path from = Path.of("mappings/default");
            Path acme = dir.resolve("acme");
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : files.toList()) {
                    Path target = acme.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
            Files.createDirectories(acme.resolve("queries"));
            Files.writeString(acme.resolve("queries/activeWarehouses.graphql"), """
                    # acme's own document: the warehouses under the alias the route reads
                    query activeWarehouses($limit: Int, $page: Int) {
                      activeWarehouses: warehouses(limit: $limit, page: $page) {
                        id
                        name
                      }
                    }
                    """);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aDocumentFromTheCustomersQueriesFolderIsUsedByName() {
        List<?> warehouses = template.requestBody("centra:query?document=activeWarehouses&pageSize=1", Map.of(),
                List.class);

        assertThat(warehouses).hasSize(2);
        assertThat(warehouses).allSatisfy(w -> assertThat(((Map<?, ?>) w).keySet()).extracting(String::valueOf)
                .containsExactlyInAnyOrder("id", "name"));
        assertThat(((Map<?, ?>) warehouses.get(0)).get("name")).isEqualTo("Main Warehouse");
    }

    @Test
    void emitPageGivesOneExchangePerPageWithItsRecords() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("centra:query?document=activeWarehouses&pageSize=1&emit=PAGE&delay=60000")
                        .routeId("test-pages-of-one").to("mock:pagesOfOne");
                from("centra:query?document=activeWarehouses&pageSize=200&emit=PAGE&delay=60000")
                        .routeId("test-one-page").to("mock:onePage");
            }
        });
        MockEndpoint pagesOfOne = camel.getEndpoint("mock:pagesOfOne", MockEndpoint.class);
        MockEndpoint onePage = camel.getEndpoint("mock:onePage", MockEndpoint.class);
        pagesOfOne.expectedMessageCount(2);
        onePage.expectedMessageCount(1);
        MockEndpoint.assertIsSatisfied(30_000, java.util.concurrent.TimeUnit.MILLISECONDS, pagesOfOne, onePage);
        camel.getRouteController().stopRoute("test-pages-of-one");
        camel.getRouteController().stopRoute("test-one-page");

        assertThat(pagesOfOne.getExchanges()).allSatisfy(e -> assertThat(e.getIn().getBody(List.class)).hasSize(1));
        assertThat(pagesOfOne.getExchanges().get(1).getIn().getHeader(CentraQueryConsumer.INDEX)).isEqualTo(1);
        List<?> all = onePage.getExchanges().get(0).getIn().getBody(List.class);
        assertThat(all).hasSize(2).allSatisfy(w -> assertThat(w).isInstanceOf(Map.class));
        assertThat(all.stream().map(w -> String.valueOf(((Map<?, ?>) w).get("name"))).toList())
                .containsExactly("Main Warehouse", "Retail Warehouse");
    }
}
