package org.centraerp.connector.ops;

import org.centraerp.connector.ConnectorApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar connector.jar check}: starts the application without routes, runs the
 * {@link ConnectionCheck} and returns its exit status. Start-up failures (a bad mapping, an
 * unreachable state database) are reported as one line, without a stack trace.
 */
public final class CheckCommand {

    public static final String NAME = "check";

    private CheckCommand() {
    }

    public static int run(String[] args) {
        ConfigurableApplicationContext context;
        try {
            context = ConnectorApplication.forCheck().run(args);
        } catch (RuntimeException e) {
            System.out.println("check failed: " + rootMessage(e));
            return 3;
        }
        try (context) {
            int status = context.getBean(ConnectionCheck.class).run(System.out);
            return SpringApplication.exit(context, () -> status);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
