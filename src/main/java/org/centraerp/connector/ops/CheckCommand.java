package org.centraerp.connector.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.centraerp.connector.ConnectorApplication;
import org.centraerp.connector.mapping.CentraMismatchError;
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
            context = SpringApplication.run(ConnectorApplication.class, withCheckDefaults(args));
        } catch (RuntimeException e) {
            System.out.println("check failed: " + rootMessage(e));
            // A mapping Centra's schema refuses is reported like a failed check: 1.
            return rootCause(e) instanceof CentraMismatchError ? 1 : 3;
        }
        try (context) {
            int connection = context.getBean(ConnectionCheck.class).run(System.out);
            int tests = MappingTests.print(MappingTests.run(
                    context.getBean(org.centraerp.connector.mapping.MappingRepository.class).mappings()), System.out);
            int status = connection != 0 ? connection : tests;
            return SpringApplication.exit(context, () -> status);
        }
    }

    /** The user's arguments, plus each of {@link ConnectorApplication#CHECK_DEFAULTS} the user did not set. */
    static String[] withCheckDefaults(String[] args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        for (String fallback : ConnectorApplication.CHECK_DEFAULTS) {
            String key = fallback.substring(0, fallback.indexOf('=') + 1);
            if (all.stream().noneMatch(arg -> arg.startsWith(key))) {
                all.add(fallback);
            }
        }
        return all.toArray(String[]::new);
    }

    static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    static String rootMessage(Throwable e) {
        Throwable cause = rootCause(e);
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
