package org.centraerp.connector.ops;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides once, before any bean exists, whether the built-in Centra sandbox runs, and writes the answer as
 * {@code connector.sandbox.enabled=true|false} in front of every other property source, so every condition
 * downstream sees one resolved boolean.
 *
 * <p>{@code connector.sandbox.enabled} (CENTRA_SANDBOX) is {@code auto} unless someone set it: on with the embedded
 * defaults (no {@code connector.centra.url}), off as soon as CENTRA_URL points at a real Centra. Only an explicit
 * {@code true} keeps it on beside a real Centra. The decision never looks at where a value came from: the earlier
 * version did, and Spring's {@code configurationProperties} source (which holds every property) made the shipped
 * default count as explicit.
 */
public class SandboxSwitch implements EnvironmentPostProcessor, Ordered {

    public static final String ENABLED = "connector.sandbox.enabled";
    /** After config/application.yaml and the connector home are read; the sandbox's own settings come after this. */
    public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;
    static final String SOURCE = "sandbox-switch";

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean on = decide(environment.getProperty("connector.centra.url", ""),
                environment.getProperty(ENABLED, "auto"));
        environment.getPropertySources().remove(SOURCE);
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, Map.of(ENABLED, Boolean.toString(on))));
    }

    /**
     * @param centraUrl the configured Centra URL, blank for the embedded defaults
     * @param asked     {@code auto} (or blank), or a boolean the user set by name
     */
    static boolean decide(String centraUrl, String asked) {
        String value = asked == null ? "" : asked.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "auto" -> centraUrl == null || centraUrl.isBlank();
            case "true", "on", "yes", "1" -> true;
            case "false", "off", "no", "0" -> false;
            default -> throw new IllegalArgumentException("CENTRA_SANDBOX (connector.sandbox.enabled) is '" + asked
                    + "' — use auto (on unless CENTRA_URL is set), true or false");
        };
    }
}
