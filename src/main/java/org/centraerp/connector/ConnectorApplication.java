package org.centraerp.connector;

import org.centraerp.connector.ops.CheckCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
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
        SpringApplication.run(ConnectorApplication.class, args);
    }

    /** The application as {@code check} starts it: no routes, a free port, quiet logs. */
    public static SpringApplicationBuilder forCheck() {
        return new SpringApplicationBuilder(ConnectorApplication.class)
                .properties("camel.main.auto-startup=false",
                        "server.port=0",
                        "spring.main.banner-mode=off",
                        "logging.level.root=WARN",
                        "logging.level.org.centraerp=WARN",
                        // start-up failures are reported by CheckCommand as one line, not as a stack trace
                        "logging.level.org.springframework.boot.SpringApplication=OFF",
                        "logging.level.org.springframework.boot.diagnostics=OFF");
    }
}
