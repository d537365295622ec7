package org.centraerp.connector.mapping;

import java.nio.file.Path;

import org.apache.camel.impl.DefaultCamelContext;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks the customer's mappings once the configuration is complete (tests' dynamic properties included), before
 * any bean is made: broken mappings stop
 * the start with their problems alone ({@link MappingFailureAnalyzer}), not at the end of a chain of beans that could
 * not be created. {@link MappingRepository} loads them again for the application. Registered in
 * {@code META-INF/spring.factories}.
 */
public class MappingStartCheck implements ApplicationListener<ApplicationPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        ConfigurableEnvironment environment = event.getApplicationContext().getEnvironment();
        if (environment.getProperty("connector.sandbox.standalone", Boolean.class, false)) {
            return; // the standalone sandbox (verb sandbox) reads no mappings
        }
        String directory = environment.getProperty("connector.mappings-dir", "mappings");
        String customer = environment.getProperty("connector.customer", "default");
        DefaultCamelContext camel = new DefaultCamelContext();
        try {
            new MappingValidator(camel).load(Path.of(directory), customer);
        } finally {
            camel.stop();
        }
    }
}
