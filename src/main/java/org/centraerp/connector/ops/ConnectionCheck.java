package org.centraerp.connector.ops;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraEndpoint;
import org.centraerp.connector.centra.CentraException;
import org.centraerp.connector.centra.CentraPermissionException;
import org.centraerp.connector.centra.CentraResponse;
import org.springframework.stereotype.Component;

/**
 * The connection check: Centra's {@code stores} query, the permissions it used, and for every
 * enabled flow the read permissions its token lacks.
 */
@Component
public class ConnectionCheck {

    private final CentraClient centra;
    private final CentraEndpoint endpoint;
    private final List<FlowProbe> probes;
    private final CentraTokenExpiry expiry;

    public ConnectionCheck(CentraClient centra, CentraEndpoint endpoint, List<FlowProbe> probes,
                           CentraTokenExpiry expiry) {
        this.expiry = expiry;
        this.centra = centra;
        this.endpoint = endpoint;
        this.probes = probes.stream().sorted(Comparator.comparing(FlowProbe::flow)).toList();
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
            if (!missing.isEmpty()) {
                out.println("check failed: the token lacks " + String.join(", ", missing)
                        + " — add them to the Integration API token in Centra (System → API tokens)");
                return 2;
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
            List<String> lacking = new ArrayList<>();
            for (String document : probe.queryDocuments()) {
                try {
                    centra.query(document, Map.of("limit", 1, "page", 1));
                } catch (CentraPermissionException e) {
                    lacking.addAll(e.permissions());
                }
            }
            out.printf("  %-24s %s%n", probe.flow(), lacking.isEmpty() ? "ok" : "lacks " + String.join(", ", lacking));
            missing.addAll(lacking);
        }
        return List.copyOf(missing);
    }
}
