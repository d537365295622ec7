package org.centraerp.connector.ops;

import org.centraerp.connector.ConnectorApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar connector.jar check}: starts the application without routes (and without a web server unless
 * the built-in sandbox is the target: then on a free loopback port), runs the {@link ConnectionCheck} and returns
 * its exit status. Start-up failures (a bad mapping, an unreachable state database) are reported as one line,
 * without a stack trace.
 */
public final class CheckCommand {

    public static final String NAME = "check";

    private CheckCommand() {
    }

    public static int run(String[] args) {
        ConfigurableApplicationContext context;
        try {
            context = CommandApplication.start(NAME, args, ConnectorApplication.CHECK_DEFAULTS, true);
        } catch (RuntimeException e) {
            System.out.println("check failed: " + rootMessage(e));
            return 3;
        }
        try (context) {
            int status = context.getBean(ConnectionCheck.class).run(System.out);
            return SpringApplication.exit(context, () -> status);
        }
    }

    /** The user's arguments, plus each of {@link ConnectorApplication#CHECK_DEFAULTS} the user did not set. */
    static String[] withCheckDefaults(String[] args) {
        return CommandApplication.withDefaults(args, ConnectorApplication.CHECK_DEFAULTS);
    }

    static String rootMessage(Throwable e) {
        return CommandApplication.rootMessage(e);
    }
}
