package org.centraerp.connector.testsupport;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A console viewer for tests and benchmarks that read a child connector's /actuator/prometheus: every actuator
 * endpoint but health needs a login (HTTP Basic, as Prometheus sends it).
 */
public final class MetricsLogin {

    private static final String USER = "scraper";
    private static final String PASSWORD = "scraper-password";
    private static final String HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);

    private MetricsLogin() {
    }

    /** The connector argument that makes the user. */
    public static String connectorArgument() {
        return "--connector.console.users=" + USER + ":viewer:" + HASH;
    }

    /** The request with the user's HTTP Basic header. */
    public static HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
}
