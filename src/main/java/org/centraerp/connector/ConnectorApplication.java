package org.centraerp.connector;

import java.util.List;

import java.util.Optional;

import org.centraerp.connector.ops.ConnectorHome;
import org.centraerp.connector.ops.Verbs;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the connector: Camel routes from {@code routes/}, the built-in Centra sandbox unless a real
 * Centra is configured, and the operator endpoints. A verb among the arguments ({@code check},
 * {@code reset-state}, {@code setup-erp-tables}, see {@link Verbs}) runs that command instead and exits with its
 * status. {@link ConnectorHome} says where config/, routes/, mappings/ and var/ are.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConnectorApplication {

    public static void main(String[] args) {
        String[] all = ConnectorHome.arguments(args, System.getenv());
        Optional<Verbs.Invocation> verb;
        try {
            verb = Verbs.find(all);
        } catch (Verbs.UnknownVerbException e) {
            System.out.println(e.getMessage());
            System.exit(Verbs.UNKNOWN);
            return;
        }
        if (verb.isPresent()) {
            System.exit(verb.get().run());
        }
        SpringApplication.run(ConnectorApplication.class, all);
    }

    /**
     * What {@code check} sets unless the command line says otherwise: no routes, a free loopback port only for the
     * built-in sandbox (a running connector may hold the configured one; with CENTRA_URL set no web server at all,
     * see CheckCommand), quiet logs, and start-up failures left to CheckCommand to
     * report as one line. Passed as command-line arguments so they win over config/application.yaml.
     */
    public static final List<String> CHECK_DEFAULTS = List.of(
            "--camel.main.auto-startup=false",
            "--server.port=0",
            "--server.address=127.0.0.1",
            "--spring.main.banner-mode=off",
            "--logging.level.root=WARN",
            "--logging.level.org.centraerp=WARN",
            "--logging.level.org.apache.camel=ERROR",
            "--logging.level.org.springframework.boot.SpringApplication=OFF",
            "--logging.level.org.springframework.boot.diagnostics=OFF");
}
