package org.centraerp.connector.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.centraerp.connector.sandbox.gateway.RateLimiter;
import org.centraerp.connector.sandbox.gateway.SandboxGatewayFilter;
import org.centraerp.connector.sandbox.gateway.SandboxTokens;
import org.centraerp.connector.sandbox.knobs.Knobs;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.SeedLoader;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Wires the Centra sandbox at /sandbox/graphql: its state, seeded at start, and the gateway filter in front. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandboxEnabled
@EnableConfigurationProperties(SandboxProperties.class)
public class SandboxConfiguration implements DisposableBean {

    /** The sandbox's own timer: added latency and held requests wait here, never on a servlet thread. */
    private final ScheduledExecutorService sandboxDelays = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sandbox-delays");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public void destroy() {
        sandboxDelays.shutdownNow();
    }

    @Bean
    SandboxData sandboxData(SeedLoader seedLoader) {
        var data = new SandboxData();
        seedLoader.reseed(data);
        return data;
    }

    /** Which run of the sandbox this is (the connector's state belongs to one). */
    @Bean
    SandboxInstance sandboxInstance() {
        return SandboxInstance.fresh();
    }

    /** Registered for the GraphQL path only, so the admin endpoint needs no token and is never rate limited. */
    @Bean
    FilterRegistrationBean<SandboxGatewayFilter> sandboxGatewayFilter(SandboxTokens tokens, RateLimiter rateLimiter,
                                                                      Knobs knobs, ObjectMapper objectMapper) {
        var registration = new FilterRegistrationBean<>(
                new SandboxGatewayFilter(tokens, rateLimiter, knobs, objectMapper, sandboxDelays));
        registration.addUrlPatterns(SandboxEnvironment.GRAPHQL_PATH, SandboxEnvironment.GRAPHQL_PATH + "/*");
        registration.setName("sandboxGatewayFilter");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
