package org.centraerp.connector.sandbox;

import org.centraerp.connector.centra.CentraEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * The sandbox's part of the connector's wiring (listed in META-INF/spring/...AutoConfiguration.imports, so the
 * connector's own classes never name the sandbox): while the sandbox is on, it is the Centra of a connector that has
 * no {@code connector.centra.url}. Absent from the standalone sandbox, which has no Centra client.
 */
@AutoConfiguration
@ConditionalOnSandboxEnabled
@ConditionalOnBean(CentraEndpoint.class)
public class SandboxAsCentraAutoConfiguration {

    @Bean
    SandboxAsCentra sandboxAsCentra(CentraEndpoint endpoint) {
        return new SandboxAsCentra(endpoint);
    }
}
