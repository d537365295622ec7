package org.centraerp.connector.centra.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.centraerp.connector.centra.CentraUserErrorException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/** The centra: component against the built-in sandbox: paging, mutations, userErrors a route can catch. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:centra-component;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=false",
        "connector.sandbox.rate-limit-tier=NONE"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CentraComponentTest {

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate template;

    @Test
    void aQueryPagesThroughTheWholeListAndAnswersRecordsAsMaps() {
        List<?> warehouses = template.requestBody("centra:query?document=warehouses&pageSize=1", Map.of(), List.class);

        assertThat(warehouses).hasSizeGreaterThanOrEqualTo(2);
        assertThat(warehouses).allSatisfy(w -> assertThat(((Map<?, ?>) w).keySet()).extracting(String::valueOf).contains("id", "name"));
        Map<?, ?> stores = template.requestBody("centra:query?document=stores", null, Map.class);
        assertThat((List<?>) stores.get("stores")).isNotEmpty();
    }

    @Test
    void aConsumerEmitsOneExchangePerRecord() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("centra:query?document=warehouses&pageSize=1&delay=60000").routeId("test-read-warehouses")
                        .to("mock:warehouses");
            }
        });
        MockEndpoint mock = camel.getEndpoint("mock:warehouses", MockEndpoint.class);
        mock.expectedMinimumMessageCount(2);
        mock.assertIsSatisfied(30_000);
        assertThat(mock.getExchanges().get(0).getIn().getBody()).isInstanceOf(Map.class);
        assertThat(mock.getExchanges().get(1).getIn().getHeader(CentraQueryConsumer.INDEX)).isEqualTo(1);
        camel.getRouteController().stopRoute("test-read-warehouses");
    }

    @Test
    void aMutationsUserErrorsAreAnExceptionARouteCanCatch() throws Exception {
        assertThatThrownBy(() -> template.requestBody("centra:mutation?document=confirmOrder",
                Map.of("number", 999_999))).hasCauseInstanceOf(CentraUserErrorException.class);

        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:confirm").routeId("test-confirm")
                        .doTry()
                            .to("centra:mutation?document=confirmOrder")
                        .doCatch(CentraUserErrorException.class)
                            .setBody(constant("refused"))
                        .end();
            }
        });
        assertThat(template.requestBody("direct:confirm", Map.of("number", 999_999))).isEqualTo("refused");
        Map<?, ?> confirmed = template.requestBody("direct:confirm", "{\"number\": 14}", Map.class);
        assertThat(((Map<?, ?>) confirmed.get("order")).get("number")).isEqualTo(14);
    }

    @Test
    void aMutationDocumentOnAQueryEndpointIsRefusedWithWhatToUse() {
        assertThatThrownBy(() -> template.requestBody("centra:query?document=confirmOrder", Map.of()))
                .hasStackTraceContaining("is a mutation: use centra:mutation");
    }
}
