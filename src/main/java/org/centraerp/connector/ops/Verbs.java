package org.centraerp.connector.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.centraerp.connector.ops.reconciliation.ReconcileCommand;

/**
 * The connector's commands ({@code java -jar connector.jar <verb> [--options]}), found wherever the verb stands among
 * the arguments: {@code mvn spring-boot:run -Dspring-boot.run.arguments=check} passes
 * {@code --spring.profiles.active=demo check}. Without a verb the connector runs.
 *
 * <p>To add a verb: a class with {@code public static int run(String[] args)} (the arguments without the verb,
 * returns the exit status) and one line in {@link #VERBS}.
 */
public final class Verbs {

    /** What a verb runs: the arguments without the verb word; returns the process exit status. */
    @FunctionalInterface
    public interface Verb {
        int run(String[] args);
    }

    /** A verb found among the arguments. */
    public record Invocation(String name, Verb verb, String[] args) {
        public int run() {
            return verb.run(args);
        }
    }

    /** Exit status of an unknown verb. */
    public static final int UNKNOWN = 2;

    private static final Map<String, Verb> VERBS = new LinkedHashMap<>();

    static {
        VERBS.put(CheckCommand.NAME, CheckCommand::run);
        VERBS.put(ResetStateCommand.NAME, ResetStateCommand::run);
        VERBS.put(SetupErpTablesCommand.NAME, SetupErpTablesCommand::run);
        VERBS.put(PreviewCommand.NAME, PreviewCommand::run);
        VERBS.put(ReconcileCommand.NAME, ReconcileCommand::run);
        VERBS.put(org.centraerp.connector.sandbox.SandboxCommand.NAME, org.centraerp.connector.sandbox.SandboxCommand::verb);
    }

    private Verbs() {
    }

    /** The names, in the order they are listed to users. */
    public static List<String> names() {
        return List.copyOf(VERBS.keySet());
    }

    /**
     * The first argument that is not an option ({@code --key=value}, {@code -x}) names the verb.
     *
     * @return empty when there is none (run the connector)
     * @throws UnknownVerbException when that argument names no verb
     */
    public static Optional<Invocation> find(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg == null || arg.isBlank() || arg.startsWith("-")) {
                continue;
            }
            Verb verb = VERBS.get(arg);
            if (verb == null) {
                throw new UnknownVerbException(arg);
            }
            List<String> rest = new ArrayList<>(Arrays.asList(args));
            rest.remove(i);
            return Optional.of(new Invocation(arg, verb, rest.toArray(String[]::new)));
        }
        return Optional.empty();
    }

    /** An argument that is neither an option nor a verb. */
    public static final class UnknownVerbException extends IllegalArgumentException {
        public UnknownVerbException(String word) {
            super("unknown command '" + word + "' — commands: " + String.join(", ", VERBS.keySet())
                    + "; options are written --key=value; no command runs the connector");
        }
    }
}
