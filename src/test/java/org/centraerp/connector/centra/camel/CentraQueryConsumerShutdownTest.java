package org.centraerp.connector.centra.camel;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.state.Watermarks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mockito;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A {@code centra:query} route on a Quartz schedule that never started (autoStartup false, or {@code check}, which
 * starts no route) shuts down quietly: no stack trace from Camel's Quartz scheduler, which has no trigger to remove.
 */
@ExtendWith(OutputCaptureExtension.class)
class CentraQueryConsumerShutdownTest {

    @Test
    void aNeverStartedQuartzScheduledQueryStopsWithoutAnError(CapturedOutput output) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent("centra", new CentraComponent(Mockito.mock(CentraClient.class),
                Mockito.mock(Watermarks.class), "mappings", "default"));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("centra:query?document=warehouses&scheduler=quartz&scheduler.cron=0+0+2+*+*+?")
                        .routeId("nightly-warehouses").autoStartup(false).to("log:never");
            }
        });
        camel.start();

        camel.stop();

        assertThat(output.getAll()).doesNotContain("Error occurred while shutting down")
                .doesNotContain("NullPointerException");
    }
}
