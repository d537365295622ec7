package org.centraerp.connector.centra;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** The Centra client and its parts as Spring beans, configured from {@code connector.centra}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CentraProperties.class)
public class CentraClientConfiguration {

    @Bean
    public CentraEndpoint centraEndpoint(CentraProperties properties) {
        return new CentraEndpoint(properties.url(), properties.token(), properties.connectTimeout());
    }

    /** Tells the endpoint the sandbox's port once the app's own server listens (not the management server's). */
    @Bean
    public SandboxPortListener centraSandboxPortListener(CentraEndpoint endpoint) {
        return new SandboxPortListener(endpoint);
    }

    @Bean
    public CentraRateLimiter centraRateLimiter(CentraProperties properties) {
        return CentraRateLimiter.of(properties.rateLimit(), CentraClock.SYSTEM);
    }

    @Bean
    public CentraMetrics centraMetrics(ObjectProvider<MeterRegistry> registry) {
        return new CentraMetrics(registry.getIfAvailable());
    }

    @Bean(destroyMethod = "close")
    public CentraClient centraClient(CentraProperties properties, CentraEndpoint endpoint, CentraRateLimiter limiter,
                                     CentraMetrics metrics, ObjectProvider<ObjectMapper> objectMapper) {
        return new CentraClient(properties, endpoint, limiter, metrics,
                objectMapper.getIfAvailable(CentraClient::defaultJson), CentraClock.SYSTEM,
                RandomGenerator.getDefault());
    }

    /** Forwards the local web server's port to the endpoint. */
    public static final class SandboxPortListener {
        private final CentraEndpoint endpoint;

        SandboxPortListener(CentraEndpoint endpoint) {
            this.endpoint = endpoint;
        }

        @EventListener
        public void onWebServerStarted(WebServerInitializedEvent event) {
            if (event.getApplicationContext().getServerNamespace() == null) {
                endpoint.localServerStarted(event.getWebServer().getPort());
            }
        }
    }
}
