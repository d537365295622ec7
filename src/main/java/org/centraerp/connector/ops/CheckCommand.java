package org.centraerp.connector.ops;

import org.centraerp.connector.ConnectorApplication;
import org.centraerp.connector.mapping.CentraMismatchError;
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
            // A mapping Centra's schema refuses is reported like a failed check: 1.
            return rootCause(e) instanceof CentraMismatchError ? 1 : 3;
        }
        try (context) {
            int status;
            try {
                status = context.getBean(ConnectionCheck.class).run(System.out);
            } catch (RuntimeException e) {
                System.out.println("check failed: " + rootMessage(e));
                status = 1;
            }
            int tests = MappingTests.print(MappingTests.run(
                    context.getBean(org.centraerp.connector.mapping.MappingRepository.class).mappings()), System.out);
            int exit = status != 0 ? status : tests;
            return SpringApplication.exit(context, () -> exit);
        }
    }

    /** The user's arguments, plus each of {@link ConnectorApplication#CHECK_DEFAULTS} the user did not set. */
    static String[] withCheckDefaults(String[] args) {
        return CommandApplication.withDefaults(args, ConnectorApplication.CHECK_DEFAULTS);
    }

    static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    static String rootMessage(Throwable e) {
        return CommandApplication.rootMessage(e);
    }
}
