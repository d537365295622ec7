package org.centraerp.connector;

import java.util.List;

import org.centraerp.connector.ops.CheckCommand;
import org.centraerp.connector.sandbox.SandboxCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the connector: Camel routes from {@code routes/}, the built-in Centra sandbox unless a real
 * Centra is configured, and the operator endpoints. {@code check} as first argument runs the
 * connection check instead and exits with its status.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConnectorApplication {

    public static void main(String[] args) {
        if (args.length > 0 && CheckCommand.NAME.equals(args[0])) {
            System.exit(CheckCommand.run(args));
        }
        if (args.length > 0 && SandboxCommand.NAME.equals(args[0])) { SandboxCommand.run(args); return; }
        SpringApplication.run(ConnectorApplication.class, args);
    }

    /**
     * What {@code check} sets unless the command line says otherwise: no routes, a free port (a running
     * connector may hold the configured one), quiet logs, and start-up failures left to CheckCommand to
     * report as one line. Passed as command-line arguments so they win over config/application.yaml.
     */
    public static final List<String> CHECK_DEFAULTS = List.of(
            "--camel.main.auto-startup=false",
            "--server.port=0",
            "--spring.main.banner-mode=off",
            "--logging.level.root=WARN",
            "--logging.level.org.centraerp=WARN",
            "--logging.level.org.apache.camel=ERROR",
            "--logging.level.org.springframework.boot.SpringApplication=OFF",
            "--logging.level.org.springframework.boot.diagnostics=OFF");
}
