package org.centraerp.connector.ops.reconciliation;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.centraerp.connector.ConnectorApplication;
import org.centraerp.connector.ops.CommandApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar connector.jar reconcile stock [--heal]}, {@code reconcile orders [--since 2026-11-01]},
 * {@code reconcile catalogue}: starts the application without routes, runs one reconciliation, prints its
 * differences and the CSV report's path. Exit status 0 when nothing differs, 1 when something does, 2 when the run
 * did not finish (Centra unreachable…), 3 for a wrong command line or a start-up failure.
 */
public final class ReconcileCommand {

    public static final String NAME = "reconcile";
    private static final int PRINTED = 50;

    private ReconcileCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.out);
    }

    static int run(String[] args, PrintStream out) {
        List<String> words = new ArrayList<>(Arrays.asList(args));
        words.remove(NAME);
        String kind = words.isEmpty() ? "" : words.remove(0);
        boolean heal = words.remove("--heal");
        Instant since = null;
        int joined = words.stream().filter(w -> w.startsWith("--since=")).findFirst().map(words::indexOf).orElse(-1);
        if (joined >= 0) { // --since=2026-11-01 as well as --since 2026-11-01
            String date = words.get(joined).substring("--since=".length());
            words.set(joined, "--since");
            words.add(joined + 1, date);
        }
        int at = words.indexOf("--since");
        if (at >= 0) {
            try {
                since = LocalDate.parse(words.get(at + 1)).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (IndexOutOfBoundsException | DateTimeParseException e) {
                out.println("reconcile failed: --since needs a date like 2026-11-01");
                return 3;
            }
            words.subList(at, at + 2).clear();
        }
        if (!Reconciliations.KINDS.contains(kind)) {
            out.println("usage: reconcile stock [--heal] | reconcile orders [--since YYYY-MM-DD] | reconcile catalogue");
            return 3;
        }
        ConfigurableApplicationContext context;
        try {
            // A web server only for the built-in sandbox (no CENTRA_URL), as check has it.
            context = CommandApplication.start(NAME, words.toArray(String[]::new), ConnectorApplication.CHECK_DEFAULTS,
                    true);
        } catch (RuntimeException e) {
            out.println("reconcile failed: " + CommandApplication.rootMessage(e));
            return 3;
        }
        try (context) {
            Reconciliations reconciliations = context.getBean(Reconciliations.class);
            ReconciliationResult result = switch (kind) {
                case "stock" -> reconciliations.stock();
                case "orders" -> reconciliations.orders(since);
                default -> reconciliations.catalogue();
            };
            int status = print(result, out);
            if (heal && "stock".equals(kind) && status == 1) {
                out.println("healed: the ERP's quantity sent to Centra again for " + reconciliations.healStock()
                        + " sizes");
            }
            return SpringApplication.exit(context, () -> status);
        }
    }

    static int print(ReconciliationResult result, PrintStream out) {
        if (result.error() != null) {
            out.println("reconcile " + result.kind() + " failed: " + result.error());
            return 2;
        }
        out.println(result.kind() + ": " + result.checked() + " checked (" + result.scope() + "), " + result.total()
                + " differ");
        result.differences().stream().limit(PRINTED).forEach(d -> out.printf("  %-40s erp=%-12s centra=%-12s %s%n",
                d.key(), d.erp(), d.centra(), d.what()));
        if (result.total() > PRINTED) {
            out.println("  … " + (result.total() - PRINTED) + " more in the report");
        }
        out.println("report: " + result.report());
        return result.total() == 0 ? 0 : 1;
    }
}
