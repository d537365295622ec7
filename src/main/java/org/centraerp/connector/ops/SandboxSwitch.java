package org.centraerp.connector.ops;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the built-in Centra sandbox off when a real Centra is configured (CENTRA_URL set), unless
 * the operator asked for it explicitly with CENTRA_SANDBOX=true — a connector pointed at a real
 * store should not also serve a fake one.
 */
public class SandboxSwitch implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("connector.centra.url", "");
        boolean explicit = environment.containsProperty("CENTRA_SANDBOX")
                || environment.getPropertySources().stream()
                        .filter(source -> !source.getName().contains("application"))
                        .anyMatch(source -> source.containsProperty("connector.sandbox.enabled"));
        if (!url.isBlank() && !explicit) {
            environment.getPropertySources().addFirst(new MapPropertySource("centra-url-disables-sandbox",
                    Map.of("connector.sandbox.enabled", "false")));
        }
    }
}
