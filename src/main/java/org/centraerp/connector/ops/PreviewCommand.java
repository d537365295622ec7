package org.centraerp.connector.ops;

import java.util.ArrayList;
import java.util.List;

import org.centraerp.connector.ConnectorApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar connector.jar preview orders 1234} (also {@code returns <id>}, {@code master-data <entity>}):
 * starts the application as {@code check} does (no routes, a free port, quiet logs), prints what the ERP would get
 * for that record with the customer's mappings, and exits. Writes no ERP file or row and sends no mutation.
 */
public final class PreviewCommand {

    public static final String NAME = "preview";
    /** Not even the ERP folders are created. */
    static final String NO_FOLDERS = "--connector.erp.create-folders=false";

    private PreviewCommand() {
    }

    /** @param args the command line, {@code preview <flow> <key>} anywhere among Spring's {@code --key=value} */
    public static int run(String[] args) {
        List<String> words = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (String arg : args) {
            (arg.startsWith("--") ? options : words).add(arg);
        }
        words.remove(NAME);
        boolean record = words.remove("record");
        if (words.size() != 2) {
            System.out.println("usage: " + Preview.USAGE);
            return 2;
        }
        options.add(NO_FOLDERS);
        ConfigurableApplicationContext context;
        try {
            context = CommandApplication.start(NAME, options.toArray(String[]::new),
                    ConnectorApplication.CHECK_DEFAULTS, true);
        } catch (RuntimeException e) {
            System.out.println("preview failed: " + CheckCommand.rootMessage(e));
            return 3;
        }
        try (context) {
            int status = context.getBean(Preview.class).run(words.get(0), words.get(1), record, System.out);
            return SpringApplication.exit(context, () -> status);
        } catch (RuntimeException e) {
            System.out.println("preview failed: " + CheckCommand.rootMessage(e));
            return 1;
        }
    }

    /** For a main that dispatches verbs: runs and exits with the status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

}
