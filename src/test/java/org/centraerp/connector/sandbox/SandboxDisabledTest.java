package org.centraerp.connector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;

/** With {@code connector.sandbox.enabled=false} no sandbox bean exists and /sandbox/** answers 404. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "connector.sandbox.enabled=false",
        // the state schema too: start-up checks read it
        "spring.datasource.url=jdbc:h2:mem:sandbox-off;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=classpath:no-routes/*.camel.yaml"})
class SandboxDisabledTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ApplicationContext context;


    @Test
    void sandboxPathsAnswer404AndNoSandboxBeansExist() {
        var graphql = http.postForEntity("/sandbox/graphql", Map.of("query", "{ stores { id } }"), String.class);
        var admin = http.getForEntity("/sandbox/admin/knobs", String.class);

        assertThat(graphql.getStatusCode().value()).isEqualTo(404);
        assertThat(admin.getStatusCode().value()).isEqualTo(404);
        assertThat(context.getBeanNamesForType(SandboxConfiguration.class)).isEmpty();
    }
}
