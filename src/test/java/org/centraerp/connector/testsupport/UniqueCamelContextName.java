package org.centraerp.connector.testsupport;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Tests only: every application context in the test JVM gets a Camel context name of its own. Camel's Quartz
 * component keeps one scheduler per Camel context name in the JVM, so cached Spring test contexts with the same
 * name would share one scheduler, and two of them with a route of the same trigger but another cron (orders/poll
 * every 2 s here, every minute there) would refuse to start.
 */
public class UniqueCamelContextName implements EnvironmentPostProcessor {

    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addFirst(new MapPropertySource("test-unique-camel-context-name",
                Map.of("camel.main.name", "centra-erp-connector-test-" + CONTEXTS.incrementAndGet())));
    }
}
