package org.centraerp.connector.ops;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraEndpoint;
import org.centraerp.connector.centra.CentraException;
import org.centraerp.connector.centra.CentraResponse;
import org.centraerp.connector.erp.ErpTableCheck;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The connection check: Centra's {@code stores} query, the permissions it used, for every enabled flow the read and
 * write permissions its token lacks (writes probed with mutations Centra refuses without changing anything), which
 * Centra the state database belongs to, and the ERP tables the flows need.
 *
 * <p>Exit status: 0 all well, 1 Centra not usable, 2 permissions lacking, 4 state of another Centra or ERP tables
 * missing (3: the application did not start, see {@link CheckCommand}).
 */
@Component
public class ConnectionCheck {

    private final CentraClient centra;
    private final CentraEndpoint endpoint;
    private final List<FlowProbe> probes;
    private final ObjectProvider<CentraBindingCheck> binding;
    private final ObjectProvider<ErpTableCheck> erpTables;
    private final CentraTokenExpiry expiry;

    public ConnectionCheck(CentraClient centra, CentraEndpoint endpoint, List<FlowProbe> probes,
                           ObjectProvider<CentraBindingCheck> binding, ObjectProvider<ErpTableCheck> erpTables,
                           CentraTokenExpiry expiry) {
        this.expiry = expiry;
        this.centra = centra;
        this.endpoint = endpoint;
        this.probes = probes.stream().sorted(Comparator.comparing(FlowProbe::flow)).toList();
        this.binding = binding;
        this.erpTables = erpTables;
    }

    /** Prints the result to {@code out}; returns the process exit status (0 when all is well). */
    public int run(PrintStream out) {
        out.println("Centra: " + endpoint.describe());
        expiry.checkLine().ifPresent(out::println);
        try {
            CentraResponse stores = centra.query("stores", Map.of());
            printStores(out, stores.data().path("stores"));
            out.println("Permissions used: " + String.join(", ", stores.permissionsUsed()));
            List<String> missing = missingPermissions(out);
            List<String> setup = new ArrayList<>();
            stateProblem(out).ifPresent(setup::add);
            erpProblem(out).ifPresent(setup::add);
            if (!missing.isEmpty()) {
                out.println("check failed: the token lacks " + String.join(", ", missing)
                        + " — add them to the Integration API token in Centra (System → API tokens)");
                return 2;
            }
            if (!setup.isEmpty()) {
                setup.forEach(problem -> out.println("check failed: " + problem));
                return 4;
            }
            out.println("check: OK");
            return 0;
        } catch (CentraException e) {
            out.println("check failed: " + e.getMessage());
            return 1;
        }
    }

    private static void printStores(PrintStream out, JsonNode stores) {
        out.println("Stores (" + stores.size() + "):");
        for (JsonNode store : stores) {
            out.printf("  %-4s %-30s %s%n", store.path("id").asText(), store.path("name").asText(),
                    store.path("type").asText(""));
        }
    }

    private List<String> missingPermissions(PrintStream out) {
        Set<String> missing = new TreeSet<>();
        out.println("Flows:");
        for (FlowProbe probe : probes) {
            Set<String> lacking = probe.lackedBy(centra);
            String line = lacking.isEmpty() ? "ok" : "lacks " + String.join(", ", lacking);
            if (!probe.unprobed().isEmpty()) {
                line += " (also needs " + String.join(", ", probe.unprobed()) + " to create what is missing:"
                        + " not checked, only a change would show it)";
            }
            out.printf("  %-24s %s%n", probe.flow(), line);
            missing.addAll(lacking);
        }
        return List.copyOf(missing);
    }

    private Optional<String> stateProblem(PrintStream out) {
        CentraBindingCheck check = binding.getIfAvailable();
        if (check == null) {
            return Optional.empty();
        }
        Optional<org.centraerp.connector.state.CentraBindings.Binding> current = check.current();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Map.Entry<String, Boolean> state;
        try {
            state = check.describe(current.get());
        } catch (RuntimeException e) {
            String line = "cannot read which Centra the state database belongs to (" + CommandApplication.rootMessage(e)
                    + ")";
            out.println("State database: " + line);
            return Optional.of(line);
        }
        out.println("State database: " + state.getKey());
        return state.getValue() ? Optional.of("the state database " + state.getKey()) : Optional.empty();
    }

    private Optional<String> erpProblem(PrintStream out) {
        ErpTableCheck check = erpTables.getIfAvailable();
        if (check == null) {
            return Optional.empty();
        }
        try {
            Optional<String> problems = check.problems();
            out.println(problems.orElse("ERP database: " + (check.configured() ? "every table the flows use is there"
                    : "not configured (files only)")));
            return problems;
        } catch (RuntimeException e) {
            String line = "ERP database: cannot read its tables (" + CommandApplication.rootMessage(e) + ")";
            out.println(line);
            return Optional.of(line);
        }
    }
}
