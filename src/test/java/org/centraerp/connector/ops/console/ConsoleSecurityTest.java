package org.centraerp.connector.ops.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.centraerp.connector.state.DeadLetters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who may see and do what: anonymous requests to the console go to the login page, to /api/ and actuator (but
 * health) get 401; a viewer cannot replay; an action without the CSRF token is refused; the sandbox stays open.
 */
@AutoConfigureMockMvc
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:console-security;DB_CLOSE_DELAY=-1",
        "connector.erp.folder=target/test-erp/console-security",
        "camel.main.routes-include-pattern=file:routes/export-orders.camel.yaml",
        "connector.orders.enabled=false",
        "connector.orders.poll.enabled=false"})
class ConsoleSecurityTest {

    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        registry.add("connector.console.users", () -> "vera:viewer:" + bcrypt.encode("vera-pw")
                + ",otto:operator:" + bcrypt.encode("otto-pw"));
    }

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    org.springframework.boot.autoconfigure.web.ServerProperties server;

    private HttpResponse<String> http(String method, String path, String login) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (login != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anonymousConsoleGoesToLoginAndApiAndActuatorAnswer401() throws Exception {
        HttpResponse<String> console = http("GET", "/console/flows", null);
        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(console.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/login"));
        assertThat(http("GET", "/console/dead-letters", null).statusCode()).isEqualTo(302);
        assertThat(http("GET", "/api/flows", null).statusCode()).isEqualTo(401);
        for (String endpoint : new String[] {"/actuator/prometheus", "/actuator/camelroutes", "/actuator/info"}) {
            assertThat(http("GET", endpoint, null).statusCode()).as(endpoint).isEqualTo(401);
        }
        assertThat(http("GET", "/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(http("GET", "/console/login", null).statusCode()).isEqualTo(200);
        assertThat(http("GET", "/console/assets/console.css", null).statusCode()).isEqualTo(200);
        assertThat(http("GET", "/actuator/info", "vera:wrong").statusCode()).isEqualTo(401);
        assertThat(http("GET", "/actuator/info", "vera:vera-pw").statusCode()).isEqualTo(200);
        assertThat(http("GET", "/api/flows", "vera:vera-pw").statusCode()).isEqualTo(200);
    }

    @Test
    void sandboxStaysOpenWithoutLoginOrCsrf() throws Exception {
        HttpResponse<String> knobs = http("GET", "/sandbox/admin/knobs", null);
        assertThat(knobs.statusCode()).isEqualTo(200);
        HttpRequest graphql = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/graphql"))
                .header("Authorization", "Bearer sandbox-demo-token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ stores { id } }\"}")).build();
        HttpResponse<String> stores = HttpClient.newHttpClient().send(graphql, HttpResponse.BodyHandlers.ofString());
        assertThat(stores.statusCode()).isEqualTo(200);
        assertThat(stores.body()).contains("\"stores\"");
    }

    @Test
    void viewerCannotReplayAndNoActionWithoutCsrfToken() throws Exception {
        long id = deadLetters.record("orders", "centra order 424242", "424242", "'X' is not in lookup table", null);

        mvc.perform(get("/console/dead-letters/" + id).with(user("vera").roles("VIEWER"))).andExpect(status().isOk());
        mvc.perform(post("/console/dead-letters/" + id + "/replay").with(user("vera").roles("VIEWER")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/dead-letters/" + id + "/replay").with(user("otto").roles("VIEWER", "OPERATOR")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/dead-letters/" + id + "/discard").param("reason", "no CSRF token")
                .with(user("otto").roles("VIEWER", "OPERATOR")).with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden());
        assertThat(deadLetters.find(id).orElseThrow().isOpen()).as("refused actions changed nothing").isTrue();

        mvc.perform(post("/console/dead-letters/" + id + "/replay").with(user("otto").roles("VIEWER", "OPERATOR"))
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(deadLetters.find(id).orElseThrow().state()).isEqualTo("replayed");
    }

    @Test
    void sessionTimesOutAfter30MinutesWithoutConsoleSessionTimeout() {
        assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThat(server.getServlet().getSession().getCookie().getHttpOnly()).isTrue();
    }
}
