package org.centraerp.connector.ops.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.catalina.Context;
import org.centraerp.connector.ConnectorApplication;
import org.centraerp.connector.ops.ConnectorSetupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The console's users and session as the connector starts: CONSOLE_USERS mistakes stop the start with one line,
 * embedded defaults print the generated operator password once, CONSOLE_SESSION_TIMEOUT sets the session timeout.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsoleStartupTest {

    private static ConfigurableApplicationContext start(String... extra) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=jdbc:h2:mem:console-start-" + System.nanoTime(),
                "--server.port=0", "--server.address=127.0.0.1", "--camel.main.auto-startup=false",
                "--connector.master-data.at-start=false", "--spring.main.banner-mode=off"));
        args.addAll(List.of(extra));
        return SpringApplication.run(ConnectorApplication.class, args.toArray(String[]::new));
    }

    private static Throwable root(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void assertOneLineWithoutStackTrace(CapturedOutput output, String line) {
        String printed = output.getAll();
        assertThat(printed).contains("APPLICATION FAILED TO START").contains("Description:\n\n" + line + "\n");
        assertThat(printed).doesNotContain("\tat org.centraerp").doesNotContain("Caused by:");
    }

    @Test
    void entryWhosePasswordIsNoBcryptHashStopsTheStartWithOneLine(CapturedOutput output) {
        assertThatThrownBy(() -> start("--connector.console.users=vera:viewer:not-a-hash-but-a-password"))
                .satisfies(e -> assertThat(root(e)).isInstanceOf(ConnectorSetupException.class));

        String line = "CONSOLE_USERS entry 'vera:…' is not name:role:bcrypt-hash — make the hash with:"
                + " htpasswd -nbBC 10 '' 'password' | cut -d: -f2";
        assertOneLineWithoutStackTrace(output, line);
        assertThat(output.getAll()).as("the password typed in place of the hash").doesNotContain("not-a-hash-but-a-password");
    }

    @Test
    void unknownRoleStopsTheStartWithOneLine(CapturedOutput output) {
        String hash = new BCryptPasswordEncoder(4).encode("pw");

        assertThatThrownBy(() -> start("--connector.console.users=otto:operator:" + hash + ",max:admin:" + hash))
                .satisfies(e -> assertThat(root(e)).isInstanceOf(ConnectorSetupException.class));

        assertOneLineWithoutStackTrace(output, "CONSOLE_USERS user 'max' has role 'admin' — use viewer or operator");
        assertThat(output.getAll()).doesNotContain(hash);
    }

    @Test
    void embeddedDefaultsPrintTheGeneratedOperatorPasswordOnceAndSessionTimeoutComesFromTheEnvironment(
            CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext context = start("--CONSOLE_SESSION_TIMEOUT=7m")) {
            Matcher printed = Pattern.compile("Console user 'operator' with the password generated for this start: (\\S+)")
                    .matcher(output.getAll());
            assertThat(printed.find()).as(output.getAll()).isTrue();
            String password = printed.group(1);
            assertThat(printed.find()).as("printed once").isFalse();
            assertThat(output.getAll()).as("Spring Boot's own generated user is not made")
                    .doesNotContain("Using generated security password");

            int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
            assertThat(get(port, "operator:" + password)).isEqualTo(200);
            assertThat(get(port, "operator:" + password + "x")).isEqualTo(401);

            assertThat(context.getBean(ServerProperties.class).getServlet().getSession().getTimeout())
                    .isEqualTo(Duration.ofMinutes(7));
            TomcatWebServer tomcat = (TomcatWebServer) ((ServletWebServerApplicationContext) context).getWebServer();
            Context console = (Context) tomcat.getTomcat().getHost().findChildren()[0];
            assertThat(console.getSessionTimeout()).as("minutes").isEqualTo(7);
        }
    }

    private static int get(int port, String login) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/flows"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
