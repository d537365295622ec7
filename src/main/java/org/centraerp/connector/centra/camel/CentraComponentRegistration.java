package org.centraerp.connector.centra.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * Puts the {@code centra:} component into the Camel context under its scheme before routes are created (the bean
 * name {@code centra} belongs to the health indicator, so Camel would not find it by name).
 */
@Component
public class CentraComponentRegistration implements CamelContextConfiguration {

    private final CentraComponent component;

    public CentraComponentRegistration(CentraComponent component) {
        this.component = component;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        camelContext.addComponent("centra", component);
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // nothing to do once routes run
    }
}
