package org.centraerp.connector.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SandboxSwitchTest {

    @Test
    void autoIsOnWithoutCentraUrlAndOffWithIt() {
        assertThat(SandboxSwitch.decide("", "auto")).isTrue();
        assertThat(SandboxSwitch.decide("https://brand.centra.com/graphql", "auto")).isFalse();
        assertThat(SandboxSwitch.decide("https://brand.centra.com/graphql", "")).isFalse();
    }

    @Test
    void anExplicitValueWins() {
        assertThat(SandboxSwitch.decide("https://brand.centra.com/graphql", "true")).isTrue();
        assertThat(SandboxSwitch.decide("", "false")).isFalse();
        assertThatThrownBy(() -> SandboxSwitch.decide("", "maybe"))
                .hasMessageContaining("'maybe'").hasMessageContaining("auto");
    }

    /** The bug: Spring's configurationProperties source holds every property, so the old switch saw "explicit". */
    @Test
    void shippedDefaultWithCentraUrlTurnsTheSandboxOffEvenWithConfigurationPropertiesAttached() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("Config resource 'file [config/application.yaml]'",
                Map.of("connector.sandbox.enabled", "${CENTRA_SANDBOX_UNSET_IN_THIS_TEST:auto}",
                        "connector.centra.url", "https://example.invalid/graphql")));
        ConfigurationPropertySources.attach(environment);

        new SandboxSwitch().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("connector.sandbox.enabled")).isEqualTo("false");
    }

    @Test
    void embeddedDefaultsKeepTheSandboxOn() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("application",
                Map.of("connector.sandbox.enabled", "auto", "connector.centra.url", "")));
        ConfigurationPropertySources.attach(environment);

        new SandboxSwitch().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("connector.sandbox.enabled", Boolean.class)).isTrue();
    }
}
