package org.centraerp.connector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * A connector pointed at a real Centra (CENTRA_URL and a token, nothing said about the sandbox) serves no sandbox:
 * every /sandbox/** path answers 404, whatever the method, and no sandbox bean exists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "connector.centra.url=https://example.invalid/graphql",
        "connector.centra.token=a-real-looking-token",
        "spring.datasource.url=jdbc:h2:mem:sandbox-off-by-url;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=classpath:no-routes/*.camel.yaml"})
class SandboxOffWithCentraUrlTest {

    private static final List<String> PATHS = List.of("/sandbox/graphql", "/sandbox/graphql/", "/sandbox/admin/knobs",
            "/sandbox/admin/reset", "/sandbox/admin/orders", "/sandbox/admin/tokens/sandbox-demo-token",
            "/sandbox/graphiql", "/sandbox/anything");

    @Autowired
    TestRestTemplate http;

    @Autowired
    ApplicationContext context;

    @Test
    void everySandboxPathAnswers404() {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth("sandbox-demo-token");
        var body = new HttpEntity<>("{\"query\":\"{ stores { id } }\",\"latencyMs\":1,\"count\":1}", headers);
        for (String path : PATHS) {
            for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE)) {
                var answer = http.exchange(path, method, method == HttpMethod.GET ? new HttpEntity<>(headers) : body,
                        String.class);
                assertThat(answer.getStatusCode().value()).as(method + " " + path).isEqualTo(404);
            }
        }
        assertThat(context.getEnvironment().getProperty("connector.sandbox.enabled")).isEqualTo("false");
        assertThat(context.getBeanNamesForType(SandboxConfiguration.class)).isEmpty();
    }
}
