package org.centraerp.connector.centra;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CentraClientConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(CentraClientConfiguration.class);

    @Test
    void createsTheClientFromConnectorCentraProperties() {
        context.withPropertyValues("connector.centra.url=https://acme.centra.com/graphql",
                        "connector.centra.token=t", "connector.centra.rate-limit.requests-per-10s=150")
                .run(ctx -> {
                    assertThat(ctx).hasSingleBean(CentraClient.class);
                    assertThat(ctx.getBean(CentraProperties.class).rateLimit().requestsPer10s()).isEqualTo(150);
                    assertThat(ctx.getBean(CentraEndpoint.class).target().uri().getHost())
                            .isEqualTo("acme.centra.com");
                });
    }

    @Test
    void invalidSettingsStopTheStartWithTheKeyNamed() {
        context.withPropertyValues("connector.centra.retry.max-attempts=0")
                .run(ctx -> assertThat(ctx).getFailure().rootCause()
                        .hasMessageContaining("connector.centra.retry.maxAttempts"));
    }

    @Test
    void callsAreTimedInTheAppsMeterRegistry() throws Exception {
        try (StubCentra centra = new StubCentra()) {
            centra.always(StubCentra.ok(CentraClientTest.STORES));
            context.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                    .withPropertyValues("connector.centra.url=" + centra.url(), "connector.centra.token=t")
                    .run(ctx -> {
                        ctx.getBean(CentraClient.class).query("stores", Map.of());
                        assertThat(ctx.getBean(MeterRegistry.class).get("connector.centra.requests")
                                .tag("document", "stores").timer().count()).isEqualTo(1);
                    });
        }
    }
}
