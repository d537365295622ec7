package org.centraerp.connector.ops;

import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar connector.jar reset-state}: empties the connector's state database (what was sent, ids, export
 * versions, watermarks, dead letters, the Centra it belonged to), so the next start binds it to the Centra it then
 * talks to. For a connector moved to another Centra; stop the running connector first.
 */
public final class ResetStateCommand {

    public static final String NAME = "reset-state";

    static final List<String> DEFAULTS = List.of(
            "--camel.main.auto-startup=false",
            "--connector.sandbox.enabled=false",
            // only the beans the command asks for: a quicker start, and no start-up checks of the flows
            "--spring.main.lazy-initialization=true",
            "--spring.main.banner-mode=off",
            "--logging.level.root=WARN",
            "--logging.level.org.centraerp=ERROR",
            "--logging.level.org.apache.camel=ERROR",
            "--logging.level.org.springframework.boot.SpringApplication=OFF",
            "--logging.level.org.springframework.boot.diagnostics=OFF");

    private ResetStateCommand() {
    }

    public static int run(String[] args) {
        ConfigurableApplicationContext context;
        try {
            context = CommandApplication.start(NAME, args, DEFAULTS, false);
        } catch (RuntimeException e) {
            System.out.println("reset-state failed: " + CommandApplication.rootMessage(e));
            return 3;
        }
        try (context) {
            // lazy beans: migrate the state schema first (a database of an older version gets the binding table)
            context.getBeansOfType(org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer.class);
            CentraBindingCheck binding = context.getBean(CentraBindingCheck.class);
            String was = binding.stored().map(Object::toString).orElse("no Centra recorded");
            List<String> tables = binding.reset();
            System.out.println("reset-state: emptied " + tables.size() + " state tables (they belonged to " + was
                    + "); the next start binds the state to the Centra it talks to");
            return 0;
        } catch (RuntimeException e) {
            System.out.println("reset-state failed: " + CommandApplication.rootMessage(e));
            return 1;
        }
    }
}
