package org.centraerp.connector.ops;

import org.centraerp.connector.centra.CentraEndpoint;
import org.centraerp.connector.centra.CentraException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the operator, once started, which Centra the connector talks to (never a token), or why it cannot yet. The
 * built-in sandbox prints its own demo tokens (see the sandbox package).
 */
@Component
public class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final CentraEndpoint endpoint;
    private final org.springframework.core.env.Environment environment;

    public StartupReport(CentraEndpoint endpoint, org.springframework.core.env.Environment environment) {
        this.endpoint = endpoint;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void report() {
        if (!environment.getProperty(CommandApplication.COMMAND_PROPERTY, "").isBlank()) {
            return; // a command prints what it found itself
        }
        try {
            endpoint.target(); // logs where calls go
        } catch (CentraException e) {
            log.warn("Centra is not usable yet: {}", e.getMessage());
        }
    }
}
