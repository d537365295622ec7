package org.centraerp.connector.sandbox;

import java.net.URI;

import org.centraerp.connector.centra.CentraEndpoint;
import org.centraerp.connector.sandbox.gateway.SandboxTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;

/**
 * Makes the sandbox the connector's Centra while no {@code connector.centra.url} is set: once the app's own web
 * server listens (not the management server), it tells the {@link CentraEndpoint} the sandbox's URL on that port and
 * the demo token, and says both in the log once the app is ready.
 */
public class SandboxAsCentra {

    private static final Logger log = LoggerFactory.getLogger(SandboxAsCentra.class);

    private final CentraEndpoint endpoint;
    private volatile URI served;

    SandboxAsCentra(CentraEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @EventListener
    public void onWebServerStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return;
        }
        URI uri = URI.create("http://127.0.0.1:" + event.getWebServer().getPort() + SandboxEnvironment.GRAPHQL_PATH);
        if (endpoint.useLocalCentra(uri, SandboxTokens.DEMO)) {
            served = uri;
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        if (served != null) {
            log.info("Built-in Centra sandbox: {} — demo token with all permissions: {}", served, SandboxTokens.DEMO);
        }
    }
}
