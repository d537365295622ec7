package org.centraerp.connector.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.graphql.GraphQlAutoConfiguration;
import org.springframework.boot.autoconfigure.graphql.servlet.GraphQlWebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;

/**
 * {@code sandbox [--port 8080] [--seed file.yaml] [--connector.sandbox.*=...]}: the Centra sandbox alone, for anyone
 * who builds against Centra. No flows, no state database, no Camel: only the sandbox's beans and a web server. It
 * prints its GraphQL URL and tokens; {@code --seed} loads a YAML file of Centra objects instead of the demo store
 * (the shipped {@code sandbox/seed.yaml} shows the format). Other {@code --key=value} arguments are Spring
 * properties, e.g. {@code --connector.sandbox.rate-limit-tier=NONE} or {@code --connector.sandbox.fault-rates.server-error=0.1}.
 */
public final class SandboxCommand {

    public static final String NAME = "sandbox";
    /** Set only by this command: switches on {@link Standalone}, which the connector's own scan skips. */
    static final String STANDALONE = "connector.sandbox.standalone";
    static final String USAGE = "usage: sandbox [--port 8080] [--seed file.yaml] [--connector.sandbox.<knob>=<value>]";

    private SandboxCommand() {
    }

    /** Only the sandbox package, the web server and GraphQL; the connector's scan skips it (no standalone property). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(STANDALONE)
    @ComponentScan(basePackageClasses = SandboxCommand.class)
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, JacksonAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
            GraphQlAutoConfiguration.class, GraphQlWebMvcAutoConfiguration.class})
    static class Standalone {
    }

    /**
     * The verb: starts the sandbox and serves until the JVM is stopped (Ctrl-C, SIGTERM); 0 then, 2 on bad usage,
     * 1 when it cannot start (the reason is printed in one line).
     */
    public static int verb(String[] args) {
        ConfigurableApplicationContext context;
        try {
            context = run(args);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
            System.out.println(USAGE);
            return 2;
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.out.println("sandbox: cannot start: " + cause.getMessage());
            return 1;
        }
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> closed.countDown());
        if (!context.isActive()) {
            return 0;
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * Starts the sandbox and returns once it answers (the web server keeps the JVM running); bad usage is an
     * IllegalArgumentException with a one-line message.
     */
    public static ConfigurableApplicationContext run(String[] args) {
        List<String> properties = properties(args);
        SpringApplication app = new SpringApplication(Standalone.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        ConfigurableApplicationContext context = app.run(properties.toArray(String[]::new));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        System.out.println("Centra sandbox: http://127.0.0.1:" + port + SandboxEnvironment.GRAPHQL_PATH);
        System.out.println("  tokens: sandbox-demo-token (all permissions), sandbox-readonly-token (:read only),"
                + " sandbox-stores-token (Store:read only), sandbox-expired-token (expired)");
        System.out.println("  admin: http://127.0.0.1:" + port + "/sandbox/admin/knobs (GET/PUT), "
                + "POST /sandbox/admin/reset reseeds");
        return context;
    }

    /**
     * The Spring arguments for {@code args} (the first being "sandbox"), one per property (a later value wins); bad
     * usage is an IllegalArgumentException.
     */
    static List<String> properties(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(STANDALONE, "true");
        out.put("connector.sandbox.enabled", "true");
        out.put("spring.main.banner-mode", "off");
        out.put("spring.application.name", "centra-sandbox");
        out.put("logging.level.root", "WARN");
        out.put("server.port", "8080");
        for (int i = args.length > 0 && NAME.equals(args[0]) ? 1 : 0; i < args.length; i++) {
            String arg = args[i];
            String name;
            String value;
            if (arg.equals("--port") || arg.equals("--seed")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("sandbox: " + arg + " needs a value");
                }
                name = arg.substring(2);
                value = args[++i];
            } else if (arg.startsWith("--") && arg.contains("=")) {
                name = arg.substring(2, arg.indexOf('='));
                value = arg.substring(arg.indexOf('=') + 1);
            } else {
                throw new IllegalArgumentException("sandbox: unknown argument '" + arg + "'");
            }
            switch (name) {
                case "port" -> out.put("server.port", port(value));
                case "seed" -> out.put("connector.sandbox.seed", seed(value));
                default -> out.put(name, value);
            }
        }
        return out.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }

    private static String port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return String.valueOf(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sandbox: --port must be a port number (0-65535), not '" + value + "'");
        }
    }

    private static String seed(String value) {
        Path seed = Path.of(value);
        if (!Files.isRegularFile(seed)) {
            throw new IllegalArgumentException("sandbox: seed file " + seed.toAbsolutePath() + " does not exist");
        }
        return seed.toAbsolutePath().toString();
    }
}
