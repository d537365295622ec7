package org.centraerp.connector.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.centraerp.connector.ConnectorApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The application context of a command ({@link Verbs}): the connector's configuration and beans, no routes started,
 * quiet logs, and a web server only where the command needs one (the built-in sandbox that {@code check} talks to).
 */
public final class CommandApplication {

    /** Set to the verb's name while a command runs; start-up checks that would refuse to start look at it. */
    public static final String COMMAND_PROPERTY = "connector.command";

    private CommandApplication() {
    }

    /**
     * Starts the context.
     *
     * @param verb          the command's name
     * @param args          the user's arguments (they win over {@code defaults})
     * @param defaults      {@code --key=value} arguments added unless the user set that key
     * @param webForSandbox true: a web server when the built-in sandbox is the target (no CENTRA_URL); false: never
     */
    public static ConfigurableApplicationContext start(String verb, String[] args, List<String> defaults,
                                                       boolean webForSandbox) {
        List<String> all = new ArrayList<>(Arrays.asList(withDefaults(args, defaults)));
        all.add("--" + COMMAND_PROPERTY + "=" + verb);
        SpringApplication application = new SpringApplication(ConnectorApplication.class);
        if (!webForSandbox) {
            application.setWebApplicationType(WebApplicationType.NONE);
        } else {
            application.addListeners(event -> {
                if (event instanceof ApplicationEnvironmentPreparedEvent prepared
                        && !prepared.getEnvironment().getProperty("connector.centra.url", "").isBlank()) {
                    // A real Centra: nothing to serve, so no port is bound at all.
                    prepared.getEnvironment().getPropertySources().addFirst(new MapPropertySource(
                            "command-without-web-server", Map.of("spring.main.web-application-type", "none")));
                }
            });
        }
        return application.run(all.toArray(String[]::new));
    }

    /** The user's arguments, plus each of {@code defaults} whose key the user did not set. */
    static String[] withDefaults(String[] args, List<String> defaults) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        for (String fallback : defaults) {
            String key = fallback.substring(0, fallback.indexOf('=') + 1);
            if (all.stream().noneMatch(arg -> arg.startsWith(key))) {
                all.add(fallback);
            }
        }
        return all.toArray(String[]::new);
    }

    /** The innermost cause's message: what a user can act on. */
    public static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
