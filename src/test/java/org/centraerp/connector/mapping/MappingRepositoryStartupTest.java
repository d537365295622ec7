package org.centraerp.connector.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The repository loads the configured customer at start-up, and broken mappings stop the start. */
class MappingRepositoryStartupTest {

    private final ApplicationContextRunner app = new ApplicationContextRunner()
            .withUserConfiguration(MappingRepository.class)
            .withBean(CamelContext.class, DefaultCamelContext::new);

    @Test
    void defaultCustomerLoads() {
        app.run(context -> {
            MappingRepository mappings = context.getBean(MappingRepository.class);
            assertThat(mappings.customer()).isEqualTo("default");
            assertThat(mappings.masterData().entities()).hasSize(5);
            assertThat(mappings.fieldMap("master-data", "entities.stores.fields").fieldNames())
                    .containsExactly("store_id", "store_name", "channel");
            assertThat(mappings.lookups().table("warehouses")).isPresent();
        });
    }

    @Test
    void brokenMappingsStopTheStartWithEveryProblem() {
        app.withPropertyValues("connector.mappings-dir=src/test/resources/mappings", "connector.customer=broken")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MappingConfigurationError.class)
                            .hasMessageContaining("12 problems in the mappings of customer 'broken'")
                            .hasMessageContaining("lookup table 'store-typs' does not exist");
                });
    }
}
