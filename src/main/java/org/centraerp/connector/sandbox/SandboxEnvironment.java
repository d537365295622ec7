package org.centraerp.connector.sandbox;

import java.util.Map;

import org.centraerp.connector.ops.SandboxSwitch;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The sandbox's own Spring settings, so the connector's {@code config/application.yaml} need not know them: while the
 * sandbox is on, Spring GraphQL serves the sandbox's schema at {@link #GRAPHQL_PATH}. Added last, so a user's own
 * {@code spring.graphql.*} still wins; nothing is added while the sandbox is off (no GraphQL endpoint at all then).
 * Runs after {@link SandboxSwitch} has decided {@code connector.sandbox.enabled}.
 */
public class SandboxEnvironment implements EnvironmentPostProcessor, Ordered {

    /** Where the sandbox answers Centra's Integration API. */
    public static final String GRAPHQL_PATH = "/sandbox/graphql";
    static final String SOURCE = "sandbox-defaults";

    @Override
    public int getOrder() {
        return SandboxSwitch.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().remove(SOURCE);
        if (!environment.getProperty(SandboxSwitch.ENABLED, Boolean.class, true)) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
                "spring.graphql.http.path", GRAPHQL_PATH,
                "spring.graphql.schema.locations", "classpath:sandbox/schema/")));
    }
}
