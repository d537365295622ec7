package org.centraerp.connector.erp;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.SetPropertyDefinition;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every import flow of the route template takes its sort order, batch size and poll delay from its own keys
 * (connector.&lt;flow&gt;.sort-by, .batch-size, .poll-delay); products, bundles and prices fall back to the shared
 * connector.catalogue.poll-delay. Read from the routes Camel built, so a templated route that ignores its key fails.
 */
@CamelSpringBootTest
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:import-flow-settings;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=file:routes/import-erp-file.camel.yaml",
        "camel.main.auto-startup=false",
        "connector.catalogue.poll-delay=777",
        "connector.products.poll-delay=1234",
        "connector.shipments.sort-by=file:name",
        "connector.prices.sort-by=reverse:file:name",
        "connector.returns.batch-size=7",
        "connector.bundles.batch-size=3"})
class ImportFlowSettingsTest {

    @Autowired
    CamelContext camel;

    @Test
    void eachFlowsPollDelayIsItsOwnWithTheCatalogueOneAsDefault() {
        assertThat(pollEndpoint("import-product-file").getDelay()).isEqualTo(1234);
        assertThat(pollEndpoint("import-bundle-file").getDelay()).as("falls back to catalogue").isEqualTo(777);
        assertThat(pollEndpoint("import-price-file").getDelay()).as("falls back to catalogue").isEqualTo(777);
        assertThat(pollEndpoint("import-shipment-file").getDelay()).isEqualTo(1000);
    }

    @Test
    void eachFlowsSortOrderIsItsOwn() {
        assertThat(uri("import-shipment-file")).contains("sortBy=file%3Aname").doesNotContain("file%3Amodified");
        assertThat(uri("import-price-file")).contains("sortBy=reverse%3Afile%3Aname");
        assertThat(uri("import-product-file")).contains("sortBy=file%3Amodified%3Bfile%3Aname");
    }

    @Test
    void eachFlowsBatchSizeIsItsOwnWithDocumentedDefaults() {
        assertThat(batchSize("import-return-file")).isEqualTo("7");
        assertThat(batchSize("import-bundle-file")).isEqualTo("3");
        assertThat(batchSize("import-shipment-file")).isEqualTo("50");
        assertThat(batchSize("import-product-file")).isEqualTo("500");
        assertThat(batchSize("import-stock-file")).isEqualTo("500");
    }

    private ScheduledPollEndpoint pollEndpoint(String routeId) {
        Endpoint endpoint = route(routeId).getEndpoint();
        assertThat(endpoint).isInstanceOf(ScheduledPollEndpoint.class);
        return (ScheduledPollEndpoint) endpoint;
    }

    private String uri(String routeId) {
        return route(routeId).getEndpoint().getEndpointUri();
    }

    /** The constant step batch-size sets (property ErpBatchSize) in this templated route, resolved. */
    private String batchSize(String routeId) {
        var definition = ((ModelCamelContext) camel).getRouteDefinition(routeId);
        assertThat(definition).as(routeId).isNotNull();
        var steps = ProcessorDefinitionHelper.filterTypeInOutputs(definition.getOutputs(), SetPropertyDefinition.class)
                .stream().filter(step -> "batch-size".equals(step.getId())).toList();
        assertThat(steps).as(routeId + " step batch-size").hasSize(1);
        // the step sets the template's parameter, which the templated route gives from the flow's key
        assertThat(steps.get(0).getExpression().getExpression()).isEqualTo("{{batchSize}}");
        Object parameter = definition.getTemplateParameters().get("batchSize");
        assertThat(parameter).as(routeId + " parameter batchSize").isNotNull();
        return camel.resolvePropertyPlaceholders(parameter.toString());
    }

    private Route route(String routeId) {
        Route route = camel.getRoute(routeId);
        assertThat(route).as(routeId).isNotNull();
        return route;
    }
}
