package org.centraerp.connector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The sandbox's own Spring settings: its GraphQL path and schema while it is on, nothing while it is off. */
class SandboxEnvironmentTest {

    @Test
    void onServesTheSandboxSchemaAtItsPath() {
        StandardEnvironment environment = environment(Map.of("connector.sandbox.enabled", "true"));

        new SandboxEnvironment().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("spring.graphql.http.path")).isEqualTo("/sandbox/graphql");
        assertThat(environment.getProperty("spring.graphql.schema.locations")).isEqualTo("classpath:sandbox/schema/");
    }

    @Test
    void offMapsNoGraphQlEndpoint() {
        StandardEnvironment environment = environment(Map.of("connector.sandbox.enabled", "false"));

        new SandboxEnvironment().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("spring.graphql.http.path")).isNull();
        assertThat(environment.getProperty("spring.graphql.schema.locations")).isNull();
    }

    @Test
    void aUsersOwnGraphQlSettingWins() {
        StandardEnvironment environment = environment(Map.of("connector.sandbox.enabled", "true",
                "spring.graphql.http.path", "/elsewhere"));

        new SandboxEnvironment().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("spring.graphql.http.path")).isEqualTo("/elsewhere");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
